package org.accesscentre.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.submission.PayloadCodec;
import org.accesscentre.core.submission.PreparedSubmission;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.testing.RealisticAnswers;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The kiosk's {@code submit()} of a realistic form (validation, sealing and the durable commit, the whole of
 * what happens between "Send my request" and the receipt when nothing was prepared), against a raw sqlite-jdbc
 * insert-and-commit of a row of the same size with the same pragmas; {@code overhead} is the raw rate over
 * the submit rate, as issue 2 defines it. It also times the commit of a submission prepared beforehand and
 * {@code prepare} alone (validation and sealing). The kinds rotate in rounds within one process, so whatever
 * else the machine does falls on all of them.
 */
@Command(
        name = "enqueue",
        mixinStandardHelpOptions = true,
        description = "submit() of a realistic form (validate, seal, durable commit) vs a raw SQLite insert+commit.")
final class EnqueueBench implements Callable<Integer> {
    private static final ZoneId ZONE = ZoneId.of("America/St_Lucia");

    @Option(
            names = "--count",
            defaultValue = "6000",
            description = "Measured submits, and raw inserts (${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rounds", defaultValue = "24", description = "Alternating rounds (${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "1500", description = "Unmeasured operations of each kind first.")
    int warmup;

    @Option(names = "--dir", description = "Where the two database files go (default: a temporary directory).")
    @Nullable
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("bench-enqueue");
        try {
            return run(work);
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
    }

    private int run(Path work) throws Exception {
        Catalogue catalogue = DemoCatalogue.load();
        Service service = largestForm(catalogue);
        List<Answers> pool = realisticAnswers(catalogue, service);
        KeyPair portal = Keys.generate(Keys.X25519);
        Clock clock = Clock.systemUTC();

        int plainBytes = Json.wire().writeValueAsBytes(AnswerCodec.encode(pool.getFirst())).length;
        int sealedBytes = new PayloadCodec()
                        .encode(service.id(), service.version(), catalogue.version(), "en", pool.getFirst())
                        .length
                + 69;

        Latencies submit = new Latencies();
        Latencies raw = new Latencies();
        Latencies commit = new Latencies();
        Latencies prepare = new Latencies();
        List<Double> submitRatios = new ArrayList<>();
        List<Double> commitRatios = new ArrayList<>();
        try (SqliteStore store = SqliteStore.open(work.resolve("kiosk.db"), StoreOptions.DEFAULTS);
                RawInserts rawInserts = new RawInserts(work.resolve("raw.db"), sealedBytes + 160)) {
            Submitter submitter = new Submitter(
                    store, new Sealer(portal.getPublic(), clock), new Validator(catalogue), clock, ZONE, "BEN", 1);
            int[] next = {0};
            Op doSubmit = () -> submitter.submit(service, pool.get(next[0]++ % pool.size()), "en");
            Op doRaw = rawInserts::insert;
            for (int i = 0; i < warmup; i++) {
                doSubmit.run();
                doRaw.run();
            }
            int perRound = Math.max(1, count / rounds);
            for (int r = 0; r < rounds; r++) {
                // For the commit alone: the kiosk can prepare while the citizen reads "Check your answers".
                List<PreparedSubmission> prepared = new ArrayList<>(perRound);
                for (int i = 0; i < perRound; i++) {
                    Answers answers = pool.get(next[0]++ % pool.size());
                    long t0 = System.nanoTime();
                    prepared.add(submitter.prepare(service, answers, "en"));
                    prepare.add(System.nanoTime() - t0);
                }
                int committedBefore = commit.count();
                Op doCommit = () -> submitter.submit(prepared.get(commit.count() - committedBefore));
                long submitNanos = submit.totalNanos();
                long rawNanos = raw.totalNanos();
                long commitNanos = commit.totalNanos();
                // Alternate the order, so none always follows another's WAL checkpoint.
                List<Runnable> order = new ArrayList<>();
                order.add(() -> measure(doSubmit, perRound, submit));
                order.add(() -> measure(doRaw, perRound, raw));
                order.add(() -> measure(doCommit, perRound, commit));
                java.util.Collections.rotate(order, r);
                order.forEach(Runnable::run);
                double rawRound = raw.totalNanos() - rawNanos;
                submitRatios.add((submit.totalNanos() - submitNanos) / rawRound);
                commitRatios.add((commit.totalNanos() - commitNanos) / rawRound);
            }
        }

        Report report = new Report("enqueue", spec.commandLine().getOut());
        report.line("service " + service.id() + ": answers " + plainBytes + " B as JSON, sealed " + sealedBytes + " B");
        report.line("synchronous=FULL, WAL; " + submit.count() + " of each, in " + rounds + " rotating rounds");
        report.line("submit = Submitter.submit(service, answers, locale): validate, seal, durable commit;"
                + " prepare_inline_us = submit mean - prepared commit mean");
        report.line("overhead = raw tx/s / submit tx/s over all rounds; *_round_median = median over rounds of"
                + " (time / raw time in that round)");
        report.header("operation", "p50 ms", "p90 ms", "p99 ms", "max ms", "tx/s");
        row(report, "submit: validate+seal+commit", submit);
        row(report, "raw insert+commit", raw);
        row(report, "commit of a prepared one", commit);
        row(report, "prepare: validate+seal", prepare);
        report.result("p50_ms", submit.percentileMillis(50));
        report.result("p99_ms", submit.percentileMillis(99));
        report.result("tx_per_s", submit.perSecond());
        report.result("raw_tx_per_s", raw.perSecond());
        report.result("overhead", raw.perSecond() / submit.perSecond());
        // The same ratio per round: what a noisy, shared machine cannot skew the way it skews totals.
        report.result("overhead_round_median", median(submitRatios));
        report.result("commit_p50_ms", commit.percentileMillis(50));
        report.result("commit_p99_ms", commit.percentileMillis(99));
        report.result("commit_tx_per_s", commit.perSecond());
        report.result("commit_overhead_round_median", median(commitRatios));
        // What validation and sealing cost in line, between one commit and the next, rather than in a loop of
        // their own: the submit's mean less the prepared commit's.
        report.result("prepare_inline_us", (submit.meanNanos() - commit.meanNanos()) / 1000.0);
        report.result("prepare_p50_ms", prepare.percentileMillis(50));
        report.result("prepare_p99_ms", prepare.percentileMillis(99));
        report.result("sealed_bytes", sealedBytes);
        report.finish();
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void row(Report report, String label, Latencies l) {
        report.row(
                label,
                l.percentileMillis(50),
                l.percentileMillis(90),
                l.percentileMillis(99),
                l.percentileMillis(100),
                l.perSecond());
    }

    @FunctionalInterface
    private interface Op {
        void run() throws Exception;
    }

    private static void measure(Op op, int n, Latencies into) {
        try {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                op.run();
                into.add(System.nanoTime() - t0);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the benchmark's operation failed", e);
        }
    }

    /** The demo service whose form carries the most: the one with a signature and the most questions. */
    private static Service largestForm(Catalogue catalogue) {
        return catalogue.services().stream()
                .max((a, b) -> Integer.compare(weight(a), weight(b)))
                .orElseThrow();
    }

    private static int weight(Service s) {
        boolean signed = s.fields().stream().anyMatch(f -> f.type() == FieldType.SIGNATURE);
        return (signed ? 1000 : 0) + s.fields().size();
    }

    private static List<Answers> realisticAnswers(Catalogue catalogue, Service service) {
        List<Answers> pool = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        for (int seed = 0; seed < 200; seed++) {
            pool.add(RealisticAnswers.forService(catalogue, service, new Random(seed), today));
        }
        return pool;
    }

    /** The baseline: one row of the same size per durable commit, nothing else. */
    private static final class RawInserts implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final byte[] row;
        private final Random random = new Random(1);

        RawInserts(Path file, int rowBytes) throws SQLException {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(30_000);
            config.enforceForeignKeys(true); // the store's pragmas, all of them
            connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS raw (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
            }
            insert = connection.prepareStatement("INSERT INTO raw (payload) VALUES (?)");
            row = new byte[rowBytes];
        }

        void insert() throws SQLException {
            random.nextBytes(row);
            insert.setBytes(1, row);
            insert.executeUpdate(); // auto-commit: one durable commit per row
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
