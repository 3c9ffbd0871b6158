package org.accesscentre.device.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three parts of a bundle in archive order (manifest, files, signatures), and writing them in the
 * canonical layout to a file, atomically. Builder and signer both end here, so there is one writer.
 */
final class BundleContents {
    private final byte[] manifestBytes;
    private final byte[] signaturesBytes;
    private final List<ZipLayout.Entry> files = new ArrayList<>();
    private final List<ZipWriter.Content> contents = new ArrayList<>();

    BundleContents(byte[] manifestBytes, List<BundleSignature> signatures) {
        this.manifestBytes = manifestBytes.clone();
        this.signaturesBytes = SignaturesCodec.write(signatures);
    }

    void add(String entryName, ContentDigest digest, ZipWriter.Content content) {
        files.add(new ZipLayout.Entry(entryName, digest.size(), digest.crc32()));
        contents.add(content);
    }

    void writeTo(Path output) throws IOException, BundleException {
        List<ZipLayout.Entry> entries = new ArrayList<>();
        List<ZipWriter.Content> all = new ArrayList<>();
        entries.add(entry(BundlePaths.MANIFEST, manifestBytes));
        all.add(out -> out.write(manifestBytes));
        entries.addAll(files);
        all.addAll(contents);
        entries.add(entry(BundlePaths.SIGNATURES, signaturesBytes));
        all.add(out -> out.write(signaturesBytes));
        try (AtomicOutput out = AtomicOutput.open(output)) {
            ZipWriter.write(out.stream(), ZipLayout.of(entries), all);
            out.commit();
        }
    }

    private static ZipLayout.Entry entry(String name, byte[] bytes) {
        ContentDigest digest = Digester.of(bytes);
        return new ZipLayout.Entry(name, digest.size(), digest.crc32());
    }
}
