package org.accesscentre.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.accesscentre.sync.jobs.Drain;
import org.accesscentre.testing.link.LinkEmulator;
import org.accesscentre.testing.link.LinkProfile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A kiosk's backlog after days offline, drained over a rural link: a real portal on loopback, the link
 * emulator in front of it, one enrolled kiosk with N realistic sealed submissions, and the real sync daemon
 * batching by bytes. Measured: the seconds until every submission is acknowledged, the bytes that crossed
 * the link both ways, and the floor, the time the link itself needs for those bytes plus one round trip per
 * request the portal answered. In the same run, on the same portal and link, the baseline: the same daemon
 * sending one submission per request, for fewer submissions, its time scaled to N.
 */
@Command(
        name = "drain",
        mixinStandardHelpOptions = true,
        description = "A kiosk's full outbox drained by the real daemon over an emulated link, against one"
                + " request per submission.")
final class DrainBench implements Callable<Integer> {
    @Option(names = "--link", defaultValue = "3g-poor", description = "The link: 3g-poor, 3g or 4g (${DEFAULT-VALUE}).")
    String link;

    @Option(names = "--count", defaultValue = "10000", description = "Submissions to drain (${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--baseline",
            defaultValue = "1000",
            description = "Submissions sent one per request for the baseline, its time scaled to --count"
                    + " (${DEFAULT-VALUE}; 0 leaves it out).")
    int baseline;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the answers (${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--timeout", defaultValue = "PT2H", description = "Give up on a drain after (${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--dir", description = "Where the portal and kiosks live (default: a temporary directory).")
    @Nullable
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<LinkProfile> profile = LinkProfile.preset(link);
        if (profile.isEmpty() || profile.get().bitsPerSecond() <= 0) {
            throw new ParameterException(spec.commandLine(), "--link is one of 3g-poor, 3g, 4g");
        }
        if (count < 1 || count > 1_000_000 || baseline < 0 || baseline > count) {
            throw new ParameterException(spec.commandLine(), "--count is 1 to 1,000,000, --baseline 0 to --count");
        }
        LinkProfile shape = profile.get();
        PrintWriter err = spec.commandLine().getErr();
        Report report = new Report("drain", spec.commandLine().getOut());
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("bench-drain");
        DrainKiosk.Figures batched;
        DrainKiosk.Figures perItem = null;
        try (BenchPortal portal = BenchPortal.start(work.resolve("portal"), null, Clock.systemUTC());
                LinkEmulator emulator = LinkEmulator.start("127.0.0.1", portal.portal.port(), shape)) {
            DrainKiosk kiosks = new DrainKiosk(portal, emulator, err);
            batched = kiosks.drain(work.resolve("batched"), "DRN", 1, count, Drain.BatchLimits.DEFAULT, seed, timeout);
            if (baseline > 0) {
                perItem = kiosks.drain(
                        work.resolve("per-item"),
                        "DRN",
                        2,
                        baseline,
                        Drain.BatchLimits.ONE_AT_A_TIME,
                        seed + 1,
                        timeout);
            }
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }

        report.line(String.format(
                Locale.ROOT,
                "link %s: %.2f Mbit/s each way, %d ms one way; floor = wire bytes (both ways) / bandwidth"
                        + " + one round trip per request",
                shape.name(),
                shape.bitsPerSecond() / 1e6,
                shape.oneWayDelay().toMillis()));
        report.header("drain", "items", "seconds", "bytes/tx", "up/tx", "down/tx", "requests", "floor s", "x floor");
        row(report, "batched by bytes", batched, shape);
        if (perItem != null) {
            row(report, "one request per item", perItem, shape);
        }
        double perItemSeconds = perItem == null ? 0 : perItem.seconds() * count / perItem.count();
        if (perItem != null) {
            report.line(String.format(
                    Locale.ROOT,
                    "one request per item, scaled to %d items: %.0f s; batching is %.1f times as fast",
                    count,
                    perItemSeconds,
                    perItemSeconds / batched.seconds()));
        }

        report.result("count", Integer.toString(count));
        report.result("link", shape.name());
        report.result("seconds", batched.seconds());
        report.result("wire_bytes_per_tx", batched.wireBytesPerTransaction());
        report.result("floor_seconds", floorSeconds(batched, shape));
        report.result("ratio_to_floor", batched.seconds() / floorSeconds(batched, shape));
        report.result("per_item_seconds", perItemSeconds);
        report.result("speedup_vs_per_item", perItem == null ? 0 : perItemSeconds / batched.seconds());
        report.result("acknowledged", Long.toString(batched.acknowledged()));
        report.result("requests", Long.toString(batched.requests()));
        report.result("baseline", Integer.toString(perItem == null ? 0 : perItem.count()));
        report.result("baseline_acknowledged", Long.toString(perItem == null ? 0 : perItem.acknowledged()));
        report.result("per_item_wire_bytes_per_tx", perItem == null ? 0 : perItem.wireBytesPerTransaction());
        report.finish();
        boolean all = batched.acknowledged() == count && (perItem == null || perItem.acknowledged() == perItem.count());
        return all ? 0 : 1;
    }

    /** What the link alone needs: every byte at its bandwidth, and one round trip for each request. */
    static double floorSeconds(DrainKiosk.Figures f, LinkProfile link) {
        double transmission = f.wireBytes() * 8.0 / link.bitsPerSecond();
        return transmission + f.requests() * link.roundTrip().toNanos() / 1e9;
    }

    private static void row(Report report, String label, DrainKiosk.Figures f, LinkProfile link) {
        double floor = floorSeconds(f, link);
        report.countedRow(
                label,
                f.count(),
                f.seconds(),
                f.wireBytesPerTransaction(),
                (double) f.bytesUp() / f.count(),
                (double) f.bytesDown() / f.count(),
                f.requests(),
                floor,
                f.seconds() / floor);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
