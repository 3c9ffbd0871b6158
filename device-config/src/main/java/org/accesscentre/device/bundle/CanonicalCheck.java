package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.NOT_CANONICAL;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last check of a verification: the archive must be byte for byte the canonical serialization of its
 * manifest, its files and its signatures. The contents have been checked already (the manifest by its
 * signature, the files by their hashes, the signatures by re-encoding), so here the headers, the central
 * directory and the end record are compared with {@link ZipLayout}, and every entry's data must sit exactly
 * where the layout puts it. Together that covers every byte of the file, so nothing can change unnoticed:
 * timestamps, attributes, CRCs, padding between entries, or a second directory.
 */
final class CanonicalCheck {
    private CanonicalCheck() {}

    static void check(BundleArchive archive) throws IOException, BundleException {
        byte[] canonicalSignatures = SignaturesCodec.write(archive.signatures());
        byte[] manifestBytes = archive.manifestBytes();
        List<ZipLayout.Entry> layoutEntries = new ArrayList<>();
        List<ZipEntryInfo> actual = new ArrayList<>();
        layoutEntries.add(entry(BundlePaths.MANIFEST, Digester.of(manifestBytes)));
        actual.add(archive.rawEntry(BundlePaths.MANIFEST));
        Map<String, ContentDigest> digests = archive.digests();
        for (ManifestFile file : archive.manifest().files()) {
            layoutEntries.add(entry(BundlePaths.entryName(file.path()), digests.get(file.path())));
            actual.add(archive.entry(file));
        }
        layoutEntries.add(entry(BundlePaths.SIGNATURES, Digester.of(canonicalSignatures)));
        actual.add(archive.rawEntry(BundlePaths.SIGNATURES));
        ZipLayout layout = ZipLayout.of(layoutEntries);

        FileChannel channel = archive.channel();
        for (int i = 0; i < layout.size(); i++) {
            compare(channel, layout.headerOffset(i), layout.localHeader(i));
            if (actual.get(i).dataOffset() != layout.dataOffset(i)) {
                throw notCanonical("entry " + actual.get(i).name() + " is not where the canonical layout puts it");
            }
        }
        // The one entry whose content nothing else has checked byte for byte.
        compare(channel, layout.dataOffset(layout.size() - 1), canonicalSignatures);
        compare(channel, layout.centralOffset(), layout.centralDirectoryAndEnd());
        if (channel.size() != layout.totalSize()) {
            throw notCanonical("it is " + channel.size() + " bytes, not " + layout.totalSize());
        }
    }

    private static ZipLayout.Entry entry(String name, ContentDigest digest) {
        return new ZipLayout.Entry(name, digest.size(), digest.crc32());
    }

    private static void compare(FileChannel channel, long offset, byte[] expected) throws IOException, BundleException {
        long available = Math.max(0, Math.min(expected.length, channel.size() - offset));
        byte[] found = FileRanges.read(channel, offset, (int) available);
        for (int i = 0; i < expected.length; i++) {
            if (i >= found.length || found[i] != expected[i]) {
                throw notCanonical("it differs at byte " + (offset + i));
            }
        }
    }

    private static BundleException notCanonical(String detail) {
        return BundleException.refused(NOT_CANONICAL, "the archive is not in canonical form: " + detail);
    }
}
