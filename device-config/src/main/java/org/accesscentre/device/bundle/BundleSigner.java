package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.INVALID_INPUT;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.signing.Ed25519;

/**
 * Adds a signature to a bundle, or replaces the one by the same key, and rewrites the file atomically. The
 * bundle is checked first, all but its signatures, exactly as a kiosk will check it: a key never signs a
 * bundle whose files do not match its manifest.
 */
public final class BundleSigner {
    private BundleSigner() {}

    /**
     * Signs {@code bundle} in place with an Ed25519 private key.
     *
     * @return the key id of the new signature
     * @throws BundleException if the bundle is damaged or already has the most signatures allowed
     */
    public static String sign(Path bundle, PrivateKey key) throws IOException, BundleException {
        String keyId;
        try {
            keyId = Keys.keyId(Ed25519.publicKeyOf(key));
        } catch (KeyFormatException e) {
            throw BundleException.cannot("sign", INVALID_INPUT, e.getMessage());
        }
        try (FileChannel channel = FileChannel.open(bundle, StandardOpenOption.READ)) {
            BundleArchive archive;
            try {
                archive = BundleArchive.open(channel);
                archive.checkContents();
            } catch (BundleException e) {
                throw BundleException.cannot("sign", e.reason(), e.detail());
            }
            byte[] manifestBytes = archive.manifestBytes();
            BundleSignature signature = BundleSignature.of(keyId, Ed25519.sign(key, manifestBytes));
            List<BundleSignature> signatures = new ArrayList<>();
            boolean replaced = false;
            for (BundleSignature s : archive.signatures()) {
                boolean same = s.keyId().equals(keyId);
                signatures.add(same ? signature : s);
                replaced |= same;
            }
            if (!replaced) {
                signatures.add(signature);
            }
            if (signatures.size() > BundleLimits.MAX_SIGNATURES) {
                throw BundleException.cannot(
                        "sign", INVALID_INPUT, "the bundle already has " + BundleLimits.MAX_SIGNATURES + " signatures");
            }
            BundleContents contents = new BundleContents(manifestBytes, signatures);
            Map<String, ContentDigest> digests = archive.digests();
            for (ManifestFile file : archive.manifest().files()) {
                ZipEntryInfo entry = archive.entry(file);
                ContentDigest expected = digests.get(file.path());
                contents.add(entry.name(), expected, sink -> {
                    ContentDigest copied = FileRanges.copy(channel, entry.dataOffset(), entry.size(), sink);
                    if (!copied.equals(expected)) {
                        throw BundleException.cannot(
                                "sign", INVALID_INPUT, entry.name() + " changed while the bundle was being signed");
                    }
                });
            }
            // The old file stays open for reading while the new one is renamed over it: that is fine on POSIX.
            contents.writeTo(bundle);
        }
        return keyId;
    }
}
