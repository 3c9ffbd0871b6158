package org.accesscentre.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This build's release number: bundles name a minimum app version in these numbers, and devices report
 * it in their heartbeat. A release bundle carries the number it installs.
 */
public final class Release {
    public static final long NUMBER = 1;
    public static final String LABEL = "2026.11";

    private Release() {}

    /**
     * The release a process started from {@code <dataDir>/releases/current} runs: the version that link names
     * when it asks (at its start). {@link #NUMBER} when there is no such link, as in a build run from source.
     */
    public static long running(Path dataDir) {
        Path current = dataDir.resolve("releases").resolve("current");
        try {
            String target = Files.readSymbolicLink(current).getFileName().toString();
            return target.matches("[1-9][0-9]{0,17}") ? Long.parseLong(target) : NUMBER;
        } catch (IOException | UnsupportedOperationException e) {
            return NUMBER;
        }
    }
}
