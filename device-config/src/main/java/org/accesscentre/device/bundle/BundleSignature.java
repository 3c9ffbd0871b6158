package org.accesscentre.device.bundle;

import java.util.Base64;
import java.util.regex.Pattern;
import org.accesscentre.device.signing.Ed25519;

/**
 * One signature in {@code signatures.json}: Ed25519 over the exact bytes of {@code manifest.json}.
 *
 * @param keyId the signer's key id, as {@link org.accesscentre.core.keys.Keys#keyId} computes it
 * @param signature the 64-byte signature in standard base64 with padding
 */
public record BundleSignature(String keyId, String signature) {
    public static final String ALGORITHM = "Ed25519";

    static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

    public BundleSignature {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 16 lower-case hex digits");
        }
        if (decodedLength(signature) != Ed25519.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("an Ed25519 signature is 64 bytes in base64");
        }
    }

    static BundleSignature of(String keyId, byte[] signature) {
        return new BundleSignature(keyId, Base64.getEncoder().encodeToString(signature));
    }

    public byte[] bytes() {
        return Base64.getDecoder().decode(signature);
    }

    static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
