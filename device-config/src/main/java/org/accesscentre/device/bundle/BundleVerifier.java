package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.BAD_SIGNATURE;
import static org.accesscentre.device.bundle.BundleException.Reason.TOO_OLD;
import static org.accesscentre.device.bundle.BundleException.Reason.UNKNOWN_KEY;
import static org.accesscentre.device.bundle.BundleException.Reason.UNREADABLE;
import static org.accesscentre.device.bundle.BundleException.Reason.UNSIGNED;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.signing.Ed25519;

/**
 * Checks a bundle before anything in it is used, failing closed. Each refusal is one {@link BundleException}
 * whose message names the first problem, checked in this order:
 *
 * <ol>
 *   <li>not a readable archive, or over a limit, or an entry name that is not allowed;
 *   <li>no {@code manifest.json} or no {@code signatures.json};
 *   <li>a manifest or signature file that its reader refuses;
 *   <li>no signature at all;
 *   <li>no signature by a trusted key ("signed by unknown key ...");
 *   <li>a trusted key's signature that does not verify;
 *   <li>a version below the caller's minimum;
 *   <li>an entry the manifest does not list, then a listed file that is missing;
 *   <li>a file whose size or SHA-256 differs from the manifest;
 *   <li>an archive that is not byte for byte the canonical layout.
 * </ol>
 *
 * A bundle signed by several keys is accepted if any trusted key's signature verifies, which lets the ICT
 * office rotate its key while old and new kiosks coexist.
 */
public final class BundleVerifier {
    private final Map<String, PublicKey> trusted;

    /**
     * @param trustedKeys the Ed25519 keys whose signatures are accepted, such as a device configuration's
     *     {@code trustedSigningKeys}
     */
    public BundleVerifier(Collection<PublicKey> trustedKeys) {
        if (trustedKeys.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one trusted key");
        }
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        for (PublicKey key : trustedKeys) {
            if (!Ed25519.isEd25519(key)) {
                throw new IllegalArgumentException("a trusted signing key must be Ed25519");
            }
            byId.put(Keys.keyId(key), key);
        }
        this.trusted = Map.copyOf(byId);
    }

    /**
     * Verifies a bundle file.
     *
     * @param minVersion the lowest version accepted; a kiosk passes the version it has installed, so a replay
     *     of an older bundle is refused while reinstalling the same one is not
     * @return the verified bundle, to read or extract its files from
     * @throws BundleException if the bundle is refused; nothing in it may be used
     * @throws IOException if the file cannot be read at all
     */
    public VerifiedBundle verify(Path file, long minVersion) throws IOException, BundleException {
        if (!Files.isRegularFile(file)) {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            throw BundleException.refused(UNREADABLE, "not a readable bundle: " + file + " is not a regular file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BundleArchive archive = BundleArchive.open(channel);
            String signer = checkSignatures(archive);
            long version = archive.manifest().version();
            if (version < minVersion) {
                throw BundleException.refused(
                        TOO_OLD, "version " + version + " is older than the minimum " + minVersion);
            }
            archive.checkContents();
            Map<String, ZipEntryInfo> entries = new LinkedHashMap<>();
            for (ManifestFile f : archive.manifest().files()) {
                entries.put(f.path(), archive.entry(f));
            }
            return new VerifiedBundle(file, archive.manifest(), signer, entries);
        }
    }

    /** The key id of a trusted key whose signature verifies. */
    private String checkSignatures(BundleArchive archive) throws BundleException {
        List<BundleSignature> signatures = archive.signatures();
        if (signatures.isEmpty()) {
            throw BundleException.refused(UNSIGNED, "the bundle is unsigned");
        }
        byte[] manifest = archive.manifestBytes();
        List<String> unknown = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (BundleSignature s : signatures) {
            PublicKey key = trusted.get(s.keyId());
            if (key == null) {
                unknown.add(s.keyId());
            } else if (Ed25519.verify(key, manifest, s.bytes())) {
                return s.keyId();
            } else {
                invalid.add(s.keyId());
            }
        }
        if (!invalid.isEmpty()) {
            throw BundleException.refused(
                    BAD_SIGNATURE, "the signature by key " + String.join(", ", invalid) + " is invalid");
        }
        throw BundleException.refused(
                UNKNOWN_KEY, "signed by unknown key" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
    }
}
