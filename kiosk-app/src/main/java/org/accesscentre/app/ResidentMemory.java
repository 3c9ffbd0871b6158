package org.accesscentre.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident set size, as Linux reports it in {@code /proc/self/status} (VmRSS). */
public final class ResidentMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    /** Resident memory in MiB, or 0 where the system does not report it. */
    public static double mebibytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmRSS:")) {
                    String kb =
                            line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return Long.parseLong(kb) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // not Linux, or a format we do not know: the figure is simply absent
        }
        return 0;
    }
}
