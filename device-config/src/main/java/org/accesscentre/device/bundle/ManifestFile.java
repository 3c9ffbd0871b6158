package org.accesscentre.device.bundle;

import java.util.regex.Pattern;

/**
 * One file of a bundle, as its manifest lists it.
 *
 * @param path relative and '/'-separated, such as {@code catalogue.json}
 * @param size in bytes
 * @param sha256 lower-case hex
 */
public record ManifestFile(String path, long size, String sha256) {
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ManifestFile {
        BundlePaths.problem(path).ifPresent(p -> {
            throw new IllegalArgumentException(p + ": " + path);
        });
        if (size < 0 || size > BundleLimits.MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }
}
