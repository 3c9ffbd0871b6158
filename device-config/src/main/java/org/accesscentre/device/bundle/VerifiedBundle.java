package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.FILE_MISMATCH;
import static org.accesscentre.device.bundle.BundleException.Reason.MISSING_FILE;
import static org.accesscentre.device.bundle.BundleException.Reason.WRONG_KIND;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * A bundle that passed {@link BundleVerifier}: its manifest, who signed it, and its files.
 *
 * <p>The files are read from the bundle file again when asked for, and their SHA-256 is checked again on
 * the way, so a file swapped on disk after verification is refused instead of used.
 */
public final class VerifiedBundle {
    /** {@link #read} keeps a file in memory; larger files are for {@link #extractTo}. */
    public static final long MAX_READ_BYTES = 64L << 20;

    private final Path file;
    private final Manifest manifest;
    private final String signedBy;
    private final Map<String, ZipEntryInfo> entries;

    VerifiedBundle(Path file, Manifest manifest, String signedBy, Map<String, ZipEntryInfo> entries) {
        this.file = file;
        this.manifest = manifest;
        this.signedBy = signedBy;
        this.entries = Map.copyOf(entries);
    }

    public Path file() {
        return file;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The key id of the trusted key whose signature was accepted. */
    public String signedBy() {
        return signedBy;
    }

    /**
     * Refuses a bundle of another kind, or one without the file its kind needs (such as {@code
     * catalogue.json}).
     */
    public VerifiedBundle requireKind(BundleKind kind) throws BundleException {
        if (manifest.kind() != kind) {
            throw BundleException.refused(
                    WRONG_KIND, "this is a " + manifest.kind() + " bundle, not a " + kind + " bundle");
        }
        Optional<String> required = kind.requiredFile();
        if (required.isPresent() && manifest.file(required.get()).isEmpty()) {
            throw BundleException.refused(WRONG_KIND, "a " + kind + " bundle without " + required.get());
        }
        return this;
    }

    /**
     * The bytes of one file, such as {@code catalogue.json}.
     *
     * @throws BundleException if the bundle has no such file, or the file changed since verification
     */
    public byte[] read(String path) throws IOException, BundleException {
        ManifestFile listed = manifest.file(path)
                .orElseThrow(() -> BundleException.refused(MISSING_FILE, "the bundle has no file '" + path + "'"));
        if (listed.size() > MAX_READ_BYTES) {
            throw new IllegalArgumentException(path + " is " + listed.size() + " bytes; extract it instead");
        }
        ZipEntryInfo entry = entries.get(path);
        if (entry == null) {
            throw new IllegalStateException("verified bundle without an entry for " + path);
        }
        byte[] bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            bytes = FileRanges.read(channel, entry.dataOffset(), (int) entry.size());
        }
        if (!Digester.of(bytes).sha256().equals(listed.sha256())) {
            throw changed(entry.name());
        }
        return bytes;
    }

    /**
     * Writes every file under {@code target}, which must not exist yet or be an empty directory. Nothing is
     * written outside it, no symbolic link is followed or made, and every file is checked against its
     * SHA-256 as it is written. Extract into a staging directory and swap it in afterwards: if this throws,
     * the target holds only some of the files and must be discarded.
     */
    public void extractTo(Path target) throws IOException, BundleException {
        Extractor.extract(file, manifest, entries, target);
    }

    static BundleException changed(String entryName) {
        return BundleException.refused(FILE_MISMATCH, entryName + " changed after the bundle was verified");
    }

    @Override
    public String toString() {
        return manifest.kind() + " bundle version " + manifest.version() + " signed by " + signedBy;
    }
}
