package org.accesscentre.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.submission.Payload;
import org.accesscentre.core.submission.PayloadCodec;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.portal.PortalKeys;
import org.accesscentre.portal.ingest.Ingest;
import org.jspecify.annotations.Nullable;

/**
 * One database's run of {@link PortalIngestBench}: a portal started, kiosks enrolled and their backlogs
 * prepared before any timing, then the phases in a fixed order on the same portal: an unmeasured warm-up
 * (see {@link #warmUp}), the two request baselines, ingest in-process, ingest over HTTP, and the
 * single-thread cost of judging one item.
 */
final class IngestRun {
    /** How much is sent, and how. */
    record Shape(int devices, int perDevice, int batch, int clients, int paceSeconds) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%d kiosks x %d requests (%d timed), batches of %d, %d client threads, %d s between a kiosk's"
                            + " requests (%s)",
                    devices,
                    perDevice,
                    devices * perDevice,
                    batch,
                    clients,
                    paceSeconds,
                    paceSeconds >= 60 ? "one ephemeral key per envelope" : "bursts share ephemeral keys");
        }
    }

    /** What one database's run measured. */
    record Figures(
            Concurrently.Phase http,
            Concurrently.Phase inProcess,
            Concurrently.Phase read,
            Concurrently.Phase heartbeat,
            Latencies open,
            Latencies validate,
            long accepted,
            double loadAverage) {
        double openMicros() {
            return open.percentileMillis(50) * 1000;
        }

        double validateMicros() {
            return validate.percentileMillis(50) * 1000;
        }
    }

    private record Batch(SimulatedKiosk kiosk, List<IngestItem> items, byte[] gzippedJson) {}

    /** Items opened and validated one by one, single-threaded, for the per-item CPU cost. */
    private static final int JUDGED_SAMPLE = 1000;

    private static final int MAX_WARM_UP_ROUNDS = 12;

    private final Shape shape;
    private final Consumer<String> progress;
    private final Catalogue catalogue = DemoCatalogue.load();

    IngestRun(Shape shape, Consumer<String> progress) {
        this.shape = shape;
        this.progress = progress;
    }

    Figures measure(Path dataDir, @Nullable String postgresUrl, Clock clock) throws Exception {
        try (BenchPortal portal = BenchPortal.start(dataDir, postgresUrl, clock)) {
            String db = postgresUrl == null ? "sqlite" : "postgresql";
            long t0 = System.nanoTime();
            List<SimulatedKiosk> kiosks = new ArrayList<>();
            for (int i = 0; i < shape.devices(); i++) {
                kiosks.add(SimulatedKiosk.enrol(portal, centre(i), i % 10 + 1));
            }
            long t1 = System.nanoTime();
            progress.accept(db + ": enrolled " + kiosks.size() + " kiosks in " + seconds(t1 - t0));
            List<List<IngestItem>> backlogs = backlogs(kiosks, portal.envelopeKey(), clock.instant());
            // Each kiosk's backlog: its timed requests, then one batch more, for the warm-up (even kiosks)
            // or for ingest in-process (odd ones).
            List<Batch> timed = new ArrayList<>();
            List<Batch> warmUp = new ArrayList<>();
            List<Batch> inProcess = new ArrayList<>();
            for (int from = 0; from < shape.perDevice(); from += shape.batch()) {
                for (int k = 0; k < kiosks.size(); k++) {
                    List<IngestItem> items =
                            backlogs.get(k).subList(from, Math.min(shape.perDevice(), from + shape.batch()));
                    timed.add(batch(kiosks.get(k), items));
                }
            }
            for (int k = 0; k < kiosks.size(); k++) {
                List<IngestItem> extra = backlogs.get(k).subList(shape.perDevice(), shape.perDevice() + shape.batch());
                (k % 2 == 0 ? warmUp : inProcess).add(batch(kiosks.get(k), extra));
            }
            progress.accept(db + ": prepared " + (shape.devices() * (shape.perDevice() + shape.batch()))
                    + " sealed requests in " + seconds(System.nanoTime() - t1));

            List<IngestItem> sample = new ArrayList<>();
            for (int i = 0; sample.size() < JUDGED_SAMPLE && i < shape.perDevice(); i++) {
                for (int k = 0; k < kiosks.size() && sample.size() < JUDGED_SAMPLE; k++) {
                    sample.add(backlogs.get(k).get(i));
                }
            }
            Opener opener = new Opener(PortalKeys.load(dataDir).all());
            long t2 = System.nanoTime();
            int rounds = warmUp(portal, warmUp, kiosks, opener, sample);
            progress.accept(db + ": warmed up in " + rounds + " rounds, " + seconds(System.nanoTime() - t2));

            int baselineCount = Math.max(100, 2 * timed.size());
            Concurrently.Phase read = Concurrently.run(shape.clients(), reads(portal, kiosks, baselineCount));
            Concurrently.Phase heartbeat = Concurrently.run(shape.clients(), heartbeats(portal, kiosks, baselineCount));
            Ingest ingest = portal.portal.services().ingest();
            List<Concurrently.Request> direct = new ArrayList<>();
            for (Batch b : inProcess) {
                direct.add(() -> answered(
                        ingest.ingest(b.kiosk().principal(), new IngestBatch(b.items())), b, Outcome.ACCEPTED));
            }
            Concurrently.Phase inProc = Concurrently.run(shape.clients(), direct);
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Concurrently.Phase http = Concurrently.run(shape.clients(), send(portal, timed, Outcome.ACCEPTED));
            progress.accept(db + ": sent " + http.transactions() + " requests in " + seconds(http.wallNanos()));

            Latencies open = new Latencies();
            Latencies validate = new Latencies();
            judge(opener, sample, open, validate);
            return new Figures(http, inProc, read, heartbeat, open, validate, http.transactions(), load);
        }
    }

    /**
     * A portal runs for days, so what counts is its speed once the JIT has compiled the hot paths. The
     * warm-up sends new batches once (the whole path, inserts included), then repeats what can be repeated
     * without using up requests: resending those batches (answered as duplicates), authenticated reads, and
     * opening and validating a sample, until a round spends under a tenth of its time compiling.
     */
    private int warmUp(
            BenchPortal portal,
            List<Batch> batches,
            List<SimulatedKiosk> kiosks,
            Opener opener,
            List<IngestItem> sample)
            throws Exception {
        Concurrently.run(shape.clients(), send(portal, batches, Outcome.ACCEPTED));
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int round = 1; ; round++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            Concurrently.run(shape.clients(), send(portal, batches, Outcome.DUPLICATE));
            Concurrently.run(shape.clients(), reads(portal, kiosks, 2 * batches.size()));
            judge(opener, sample, new Latencies(), new Latencies());
            double compilingShare = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - t0) / 1e6);
            if (compilingShare < 0.1 || round == MAX_WARM_UP_ROUNDS) {
                return round;
            }
        }
    }

    /** Centres AAA, AAB, ...: ten kiosks each. */
    private static String centre(int device) {
        int c = device / 10;
        return "" + (char) ('A' + c / 676 % 26) + (char) ('A' + c / 26 % 26) + (char) ('A' + c % 26);
    }

    private List<List<IngestItem>> backlogs(List<SimulatedKiosk> kiosks, PublicKey envelopeKey, Instant end)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<List<IngestItem>>> futures = new ArrayList<>();
            for (int k = 0; k < kiosks.size(); k++) {
                SimulatedKiosk kiosk = kiosks.get(k);
                Random random = new Random(1000L + k);
                futures.add(pool.submit(() -> kiosk.backlog(
                        catalogue,
                        envelopeKey,
                        shape.perDevice() + shape.batch(),
                        Duration.ofSeconds(shape.paceSeconds()),
                        random,
                        end)));
            }
            List<List<IngestItem>> backlogs = new ArrayList<>();
            for (Future<List<IngestItem>> f : futures) {
                backlogs.add(f.get());
            }
            return backlogs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A batch as the sync daemon sends it: JSON, gzipped on the kiosk before it goes on the wire. */
    private static Batch batch(SimulatedKiosk kiosk, List<IngestItem> items) {
        return new Batch(kiosk, items, BenchHttp.gzip(BenchHttp.json(new IngestBatch(items))));
    }

    /** Posting each batch as the sync daemon does; every item must be answered {@code expected}. */
    private static List<Concurrently.Request> send(BenchPortal portal, List<Batch> batches, Outcome expected) {
        List<Concurrently.Request> requests = new ArrayList<>();
        for (Batch b : batches) {
            requests.add(() -> answered(
                    portal.http
                            .post("/api/v1/device/batches", b.kiosk().token, b.gzippedJson(), true)
                            .expect(200, "POST /api/v1/device/batches")
                            .as(IngestResult.class),
                    b,
                    expected));
        }
        return requests;
    }

    private static List<Concurrently.Request> reads(BenchPortal portal, List<SimulatedKiosk> kiosks, int count) {
        List<Concurrently.Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimulatedKiosk kiosk = kiosks.get(i % kiosks.size());
            requests.add(() -> {
                portal.http.get("/api/v1/device/statuses?limit=1", kiosk.token).expect(200, "GET statuses");
                return 1;
            });
        }
        return requests;
    }

    private List<Concurrently.Request> heartbeats(BenchPortal portal, List<SimulatedKiosk> kiosks, int count) {
        byte[] body = BenchHttp.json(new Heartbeat(
                "1.0.0",
                catalogue.version(),
                0,
                shape.perDevice(),
                3600,
                shape.perDevice() * 2_000L,
                8_000_000_000L,
                48.5,
                "ok",
                0,
                null,
                Instant.now(),
                List.of()));
        List<Concurrently.Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SimulatedKiosk kiosk = kiosks.get(i % kiosks.size());
            requests.add(() -> {
                portal.http
                        .post("/api/v1/device/heartbeat", kiosk.token, body, false)
                        .expect(200, "POST heartbeat");
                return 1;
            });
        }
        return requests;
    }

    /** Every item of the batch answered as expected, in order, or the benchmark stops: that is a bug. */
    private static int answered(IngestResult result, Batch batch, Outcome expected) {
        List<ItemResult> results = result.results();
        if (results.size() != batch.items().size()) {
            throw new IllegalStateException("the portal answered " + results.size() + " of "
                    + batch.items().size() + " items");
        }
        for (int i = 0; i < results.size(); i++) {
            ItemResult r = results.get(i);
            if (r.outcome() != expected
                    || !r.transactionId().equals(batch.items().get(i).transactionId())) {
                throw new IllegalStateException("item " + i + " of a batch from " + batch.kiosk().deviceId + " was "
                        + r.outcome() + ", not " + expected + ": " + r.reason() + " " + r.problems());
            }
        }
        return results.size();
    }

    /** What the portal does to judge one item once it is off the wire: open, decode, validate. */
    private void judge(Opener opener, List<IngestItem> sample, Latencies open, Latencies validate) throws Exception {
        for (IngestItem item : sample) {
            byte[] sealed = Base64.getDecoder().decode(item.sealed());
            long t0 = System.nanoTime();
            byte[] plain =
                    opener.open(sealed, new Binding(item.transactionId(), item.serviceId(), item.serviceVersion()));
            long t1 = System.nanoTime();
            Payload payload = PayloadCodec.decode(plain);
            Service service = catalogue.service(payload.serviceId()).orElseThrow();
            AnswerCodec.Decoded decoded = AnswerCodec.decode(service, payload.answers(), payload.enteredBy());
            LocalDate today = LocalDate.ofInstant(item.kioskTime(), SimulatedKiosk.ZONE);
            boolean valid = decoded.wrongType().isEmpty()
                    && new Validator(catalogue)
                            .validate(service, decoded.answers(), today)
                            .isEmpty();
            long t2 = System.nanoTime();
            if (!valid) {
                throw new IllegalStateException("a prepared request does not validate: " + item.reference());
            }
            open.add(t1 - t0);
            validate.add(t2 - t1);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
