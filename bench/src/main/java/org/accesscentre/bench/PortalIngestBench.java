package org.accesscentre.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A fleet's backlog arriving at a real portal: N enrolled kiosks send batches of realistic sealed requests
 * over loopback HTTP at once, and every item must be accepted. In the same run, on the same portal and
 * database, at the same concurrency: an authenticated read and an authenticated write (the HTTP and
 * authentication floor of any request), the same ingest called in-process (ingest without HTTP, gzip or
 * JSON), and the single-thread cost of opening and validating one submission.
 */
@Command(
        name = "portal-ingest",
        mixinStandardHelpOptions = true,
        description = "Kiosks sending sealed batches to a real portal over loopback HTTP, against baselines.")
final class PortalIngestBench implements Callable<Integer> {
    static final String URL_VARIABLE = "KIOSK_TEST_POSTGRES_URL";

    @Option(names = "--devices", defaultValue = "200", description = "Simulated kiosks (${DEFAULT-VALUE}).")
    int devices;

    @Option(
            names = "--per-device",
            defaultValue = "100",
            description = "Timed requests each kiosk sends (${DEFAULT-VALUE}).")
    int perDevice;

    @Option(names = "--batch", defaultValue = "50", description = "Items per batch (${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "Client threads sending at once (${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--pace",
            defaultValue = "120",
            description = "Seconds between one kiosk's requests by its clock (${DEFAULT-VALUE}): from 60 up, each"
                    + " envelope has its own ephemeral key, as at a real kiosk; 0 is a burst sharing keys.")
    int paceSeconds;

    @Option(names = "--db", defaultValue = "sqlite", description = "sqlite, postgresql or both (${DEFAULT-VALUE}).")
    String db;

    @Option(
            names = "--postgres-url",
            description = "A jdbc:postgresql: URL (default: $" + URL_VARIABLE + "); each run uses a fresh schema.")
    @Nullable
    String postgresUrl;

    @Option(names = "--dir", description = "The portal's data directory (default: a temporary directory).")
    @Nullable
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> databases = switch (db.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> List.of("sqlite");
            case "postgresql" -> List.of("postgresql");
            case "both" -> List.of("sqlite", "postgresql");
            default -> throw new ParameterException(spec.commandLine(), "--db is sqlite, postgresql or both");
        };
        if (devices < 1 || perDevice < 1 || batch < 1 || clients < 1 || paceSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "counts must be positive and --pace not negative");
        }
        String pgUrl = postgresUrl != null ? postgresUrl : System.getenv(URL_VARIABLE);
        if (databases.contains("postgresql") && (pgUrl == null || pgUrl.isBlank())) {
            throw new ParameterException(
                    spec.commandLine(), "PostgreSQL needs --postgres-url or " + URL_VARIABLE + " (a jdbc: URL)");
        }
        IngestRun.Shape shape = new IngestRun.Shape(devices, perDevice, batch, clients, paceSeconds);
        Report report = new Report("portal-ingest", spec.commandLine().getOut());
        report.line(shape.describe());
        Map<String, IngestRun.Figures> figures = new LinkedHashMap<>();
        for (String database : databases) {
            Path work = dir != null
                    ? Files.createDirectories(dir.resolve(database))
                    : Files.createTempDirectory("bench-ingest-" + database);
            try {
                IngestRun run = new IngestRun(shape, spec.commandLine().getErr()::println);
                figures.put(
                        database, run.measure(work, database.equals("postgresql") ? pgUrl : null, Clock.systemUTC()));
            } finally {
                if (dir == null) {
                    deleteTree(work);
                }
            }
        }
        for (var e : figures.entrySet()) {
            table(report, e.getKey(), e.getValue());
        }
        boolean single = figures.size() == 1;
        for (var e : figures.entrySet()) {
            String prefix = single ? "" : e.getKey() + "_";
            IngestRun.Figures f = e.getValue();
            report.result(prefix + "tx_per_s", f.http().transactionsPerSecond());
            report.result(prefix + "p99_batch_ms", f.http().latencies().percentileMillis(99));
            report.result(prefix + "p50_batch_ms", f.http().latencies().percentileMillis(50));
            report.result(prefix + "cpu_us_per_tx", f.http().cpuMicrosPerTransaction());
            report.result(prefix + "portal_cpu_us_per_tx", f.http().portalCpuMicrosPerTransaction());
            report.result(prefix + "inprocess_tx_per_s", f.inProcess().transactionsPerSecond());
            report.result(prefix + "read_req_per_s", f.read().requestsPerSecond());
            report.result(prefix + "heartbeat_req_per_s", f.heartbeat().requestsPerSecond());
            report.result(prefix + "open_us", f.openMicros());
            report.result(prefix + "validate_us", f.validateMicros());
            report.result(prefix + "accepted", Long.toString(f.accepted()));
            report.result(prefix + "load_avg", f.loadAverage());
        }
        report.result("devices", Integer.toString(devices));
        report.result("per_device", Integer.toString(perDevice));
        report.result("batch", Integer.toString(batch));
        report.result("clients", Integer.toString(clients));
        report.result("pace_s", Integer.toString(paceSeconds));
        report.result("db", single ? databases.getFirst() : "both");
        report.finish();
        return 0;
    }

    private void table(Report report, String database, IngestRun.Figures f) {
        report.line("");
        report.line(String.format(
                Locale.ROOT,
                "%s: %d requests accepted in %d batches; load average %.1f on %d cores as the timed phase began"
                        + " (other processes share them)",
                database,
                f.accepted(),
                f.http().latencies().count(),
                f.loadAverage(),
                Runtime.getRuntime().availableProcessors()));
        report.line("per s: transactions for ingest, requests for the baselines; cores busy: this process's CPU"
                + " time over wall time, and CPU us/op: per transaction or request, client and portal together (a"
                + " PostgreSQL server's own CPU is in neither)");
        report.header("operation", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "per s", "cores busy", "CPU us/op");
        phaseRow(report, "HTTP ingest, per batch", f.http(), f.http().transactionsPerSecond());
        phaseRow(
                report,
                "in-process ingest, no HTTP",
                f.inProcess(),
                f.inProcess().transactionsPerSecond());
        phaseRow(report, "GET statuses (auth read)", f.read(), f.read().requestsPerSecond());
        phaseRow(
                report,
                "POST heartbeat (auth write)",
                f.heartbeat(),
                f.heartbeat().requestsPerSecond());
        singleRow(report, "open one envelope, 1 thread", f.open());
        singleRow(report, "decode+validate, 1 thread", f.validate());
    }

    private static void phaseRow(Report report, String label, Concurrently.Phase p, double perSecond) {
        Latencies l = p.latencies();
        report.countedRow(
                label,
                l.count(),
                l.percentileMillis(50),
                l.percentileMillis(90),
                l.percentileMillis(99),
                l.percentileMillis(100),
                perSecond,
                p.coresBusy(),
                p.cpuMicrosPerTransaction());
    }

    private static void singleRow(Report report, String label, Latencies l) {
        report.countedRow(
                label,
                l.count(),
                l.percentileMillis(50),
                l.percentileMillis(90),
                l.percentileMillis(99),
                l.percentileMillis(100),
                l.perSecond());
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
