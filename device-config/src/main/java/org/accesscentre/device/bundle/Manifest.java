package org.accesscentre.device.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a bundle says about itself; signed as the exact bytes of {@code manifest.json}.
 *
 * @param version monotonic per kind: a kiosk never installs a version older than the one it has
 * @param minAppVersion the oldest kiosk app that can use the content
 * @param label a note for people, such as "June services update"
 * @param createdAt when it was built; informational only, since kiosk clocks are not trusted
 * @param files in the order they appear in the archive
 */
public record Manifest(
        BundleKind kind,
        long version,
        long minAppVersion,
        Optional<String> label,
        Optional<Instant> createdAt,
        List<ManifestFile> files) {
    public static final int FORMAT = 1;

    public Manifest {
        files = List.copyOf(files);
        if (version < 1) {
            throw new IllegalArgumentException("a bundle version is 1 or more, not " + version);
        }
        if (minAppVersion < 0) {
            throw new IllegalArgumentException("a minimum app version is 0 or more, not " + minAppVersion);
        }
    }

    public Optional<ManifestFile> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    public long totalSize() {
        return files.stream().mapToLong(ManifestFile::size).sum();
    }

    /** "1 file" or "3 files". */
    public String fileCount() {
        return files.size() == 1 ? "1 file" : files.size() + " files";
    }
}
