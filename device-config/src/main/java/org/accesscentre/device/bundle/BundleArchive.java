package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.FILE_MISMATCH;
import static org.accesscentre.device.bundle.BundleException.Reason.INVALID_MANIFEST;
import static org.accesscentre.device.bundle.BundleException.Reason.INVALID_SIGNATURES;
import static org.accesscentre.device.bundle.BundleException.Reason.MISSING_ENTRY;
import static org.accesscentre.device.bundle.BundleException.Reason.MISSING_FILE;
import static org.accesscentre.device.bundle.BundleException.Reason.UNEXPECTED_FILE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.accesscentre.core.json.JsonInputException;

/**
 * An opened bundle file, checked step by step in the order the verifier refuses things. {@link #open} reads
 * the entry table, the manifest and the signatures; {@link #checkContents} then holds every other byte of the
 * archive to the manifest and to the canonical layout. Signature checks happen between the two, in {@link
 * BundleVerifier}, so an unsigned bundle is refused as unsigned, not for its contents.
 */
final class BundleArchive {
    private final FileChannel channel;
    private final Map<String, ZipEntryInfo> entries;
    private final byte[] manifestBytes;
    private final Manifest manifest;
    private final List<BundleSignature> signatures;
    private final Map<String, ContentDigest> digests = new LinkedHashMap<>();

    private BundleArchive(
            FileChannel channel,
            Map<String, ZipEntryInfo> entries,
            byte[] manifestBytes,
            Manifest manifest,
            List<BundleSignature> signatures) {
        this.channel = channel;
        this.entries = entries;
        this.manifestBytes = manifestBytes;
        this.manifest = manifest;
        this.signatures = List.copyOf(signatures);
    }

    static BundleArchive open(FileChannel channel) throws IOException, BundleException {
        Map<String, ZipEntryInfo> entries = new LinkedHashMap<>();
        for (ZipEntryInfo e : ZipReader.read(channel)) {
            entries.put(e.name(), e);
        }
        ZipEntryInfo manifestEntry = required(entries, BundlePaths.MANIFEST, BundleLimits.MAX_MANIFEST_BYTES);
        ZipEntryInfo signaturesEntry = required(entries, BundlePaths.SIGNATURES, BundleLimits.MAX_SIGNATURES_BYTES);
        byte[] manifestBytes = FileRanges.read(channel, manifestEntry.dataOffset(), (int) manifestEntry.size());
        Manifest manifest;
        try {
            manifest = ManifestCodec.read(manifestBytes);
        } catch (JsonInputException e) {
            throw BundleException.refused(INVALID_MANIFEST, e.getMessage());
        }
        byte[] signaturesBytes = FileRanges.read(channel, signaturesEntry.dataOffset(), (int) signaturesEntry.size());
        List<BundleSignature> signatures;
        try {
            signatures = SignaturesCodec.read(signaturesBytes);
        } catch (JsonInputException e) {
            throw BundleException.refused(INVALID_SIGNATURES, e.getMessage());
        }
        return new BundleArchive(channel, entries, manifestBytes, manifest, signatures);
    }

    private static ZipEntryInfo required(Map<String, ZipEntryInfo> entries, String name, long maxSize)
            throws BundleException {
        ZipEntryInfo entry = entries.get(name);
        if (entry == null) {
            throw BundleException.refused(MISSING_ENTRY, "the bundle has no " + name);
        }
        if (entry.size() > maxSize) {
            throw BundleException.refused(
                    name.equals(BundlePaths.MANIFEST) ? INVALID_MANIFEST : INVALID_SIGNATURES,
                    name + " is " + entry.size() + " bytes; the limit is " + maxSize);
        }
        return entry;
    }

    Manifest manifest() {
        return manifest;
    }

    byte[] manifestBytes() {
        return manifestBytes.clone();
    }

    List<BundleSignature> signatures() {
        return signatures;
    }

    FileChannel channel() {
        return channel;
    }

    /** The archive entry of a manifest file. Only after {@link #checkContents}, which proves it exists. */
    ZipEntryInfo entry(ManifestFile file) {
        ZipEntryInfo entry = entries.get(BundlePaths.entryName(file.path()));
        if (entry == null) {
            throw new IllegalStateException("no entry for " + file.path() + "; call checkContents first");
        }
        return entry;
    }

    /** Digests of every manifest file, by path. Only after {@link #checkContents}. */
    Map<String, ContentDigest> digests() {
        return Map.copyOf(digests);
    }

    /** Every entry is in the manifest, every manifest file is present and intact, and the layout is ours. */
    void checkContents() throws IOException, BundleException {
        Set<String> listed = new HashSet<>(List.of(BundlePaths.MANIFEST, BundlePaths.SIGNATURES));
        for (ManifestFile file : manifest.files()) {
            listed.add(BundlePaths.entryName(file.path()));
        }
        for (String name : entries.keySet()) {
            if (!listed.contains(name)) {
                throw BundleException.refused(UNEXPECTED_FILE, name + " is not in the manifest");
            }
        }
        for (ManifestFile file : manifest.files()) {
            if (!entries.containsKey(BundlePaths.entryName(file.path()))) {
                throw BundleException.refused(
                        MISSING_FILE, BundlePaths.entryName(file.path()) + " is in the manifest but not in the bundle");
            }
        }
        for (ManifestFile file : manifest.files()) {
            ZipEntryInfo entry = entry(file);
            if (entry.size() != file.size()) {
                throw BundleException.refused(
                        FILE_MISMATCH,
                        entry.name() + " is " + entry.size() + " bytes; the manifest says " + file.size());
            }
            ContentDigest digest = FileRanges.digest(channel, entry.dataOffset(), entry.size());
            if (!digest.sha256().equals(file.sha256())) {
                throw BundleException.refused(
                        FILE_MISMATCH, entry.name() + " does not match its SHA-256 in the manifest");
            }
            digests.put(file.path(), digest);
        }
        CanonicalCheck.check(this);
    }

    ZipEntryInfo rawEntry(String name) {
        ZipEntryInfo entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException("no entry " + name);
        }
        return entry;
    }
}
