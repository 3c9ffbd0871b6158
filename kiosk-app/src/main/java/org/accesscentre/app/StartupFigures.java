package org.accesscentre.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How long the kiosk took to show its first frame, and how much memory it held then, for
 * {@code ./kiosk bench app-start}. The benchmark sets {@value #LAUNCHED_AT} to the wall-clock milliseconds
 * just before it starts the JVM, so the time includes the JVM's own start; without it the JVM's recorded
 * start time is used, which misses the launcher's first few milliseconds.
 *
 * @param sinceLaunchMs from the benchmark starting the process (or the JVM's start) to the first frame
 * @param sinceJvmStartMs from the JVM's recorded start time to the first frame
 * @param rssMb the process's resident memory, in MiB (0 where the system does not say)
 */
public record StartupFigures(long sinceLaunchMs, long sinceJvmStartMs, double rssMb) {
    /** The system property holding the launcher's wall-clock milliseconds at process start. */
    public static final String LAUNCHED_AT = "kiosk.launchedAt";

    /** The figures now; call when the first frame is up. */
    public static StartupFigures now() {
        long now = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long launchedAt = Long.getLong(LAUNCHED_AT, jvmStart);
        return new StartupFigures(now - launchedAt, now - jvmStart, ResidentMemory.mebibytes());
    }

    /** Writes the figures as {@code key=value} lines, the form the benchmark reads. */
    public void write(Path file) throws IOException {
        Files.write(
                file,
                List.of(
                        "first_frame_ms=" + sinceLaunchMs,
                        "first_frame_since_jvm_start_ms=" + sinceJvmStartMs,
                        String.format(Locale.ROOT, "rss_mb=%.1f", rssMb)),
                StandardCharsets.UTF_8);
    }
}
