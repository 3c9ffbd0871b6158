package org.accesscentre.core.seal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The envelope's byte layout and key schedule, shared by {@link Sealer} and {@link Opener}.
 *
 * <pre>
 * offset  size  field
 *      0     1  format, 1
 *      1     8  recipient key id: SHA-256 of the portal key's X.509 encoding, first 8 bytes
 *      9    32  ephemeral X25519 public key (RFC 7748)
 *     41    12  nonce
 *     53     n  AES-256-GCM ciphertext of the payload, then the 16-byte tag
 * </pre>
 *
 * Keys: {@code prk = HKDF-Extract(salt = ephemeral || recipient, ikm = X25519(ephemeral, recipient))};
 * {@code key = HKDF-Expand(prk, info = "accesscentre seal v1" || nonce || binding, 32)}. The associated data
 * is the header (bytes 0 to 52) followed by the binding.
 */
final class Envelope {
    static final byte FORMAT = 1;
    static final int KEY_ID_LENGTH = 8;
    static final int PUBLIC_LENGTH = 32;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int HEADER_LENGTH = 1 + KEY_ID_LENGTH + PUBLIC_LENGTH + NONCE_LENGTH;
    static final int OVERHEAD = HEADER_LENGTH + TAG_BITS / 8;
    static final String CIPHER = "AES/GCM/NoPadding";

    private static final byte[] INFO_PREFIX = "accesscentre seal v1".getBytes(StandardCharsets.US_ASCII);

    private Envelope() {}

    static SecretKey extract(KDF hkdf, byte[] sharedSecret, byte[] ephemeralPublic, byte[] recipientPublic)
            throws GeneralSecurityException {
        byte[] salt = new byte[ephemeralPublic.length + recipientPublic.length];
        System.arraycopy(ephemeralPublic, 0, salt, 0, ephemeralPublic.length);
        System.arraycopy(recipientPublic, 0, salt, ephemeralPublic.length, recipientPublic.length);
        return hkdf.deriveKey(
                "Generic",
                HKDFParameterSpec.ofExtract().addIKM(sharedSecret).addSalt(salt).extractOnly());
    }

    static SecretKey messageKey(KDF hkdf, SecretKey prk, byte[] nonce, byte[] binding)
            throws InvalidAlgorithmParameterException, NoSuchAlgorithmException {
        byte[] info = new byte[INFO_PREFIX.length + nonce.length + binding.length];
        System.arraycopy(INFO_PREFIX, 0, info, 0, INFO_PREFIX.length);
        System.arraycopy(nonce, 0, info, INFO_PREFIX.length, nonce.length);
        System.arraycopy(binding, 0, info, INFO_PREFIX.length + nonce.length, binding.length);
        return hkdf.deriveKey("AES", HKDFParameterSpec.expandOnly(prk, info, 32));
    }

    /**
     * The same key as {@link #messageKey(KDF, SecretKey, byte[], byte[])}, from an HMAC already keyed with
     * {@code prk}. HKDF-Expand of 32 bytes is one block, {@code HMAC(prk, info || 0x01)} (RFC 5869, 2.3), and
     * cloning the keyed HMAC skips hashing the key's pads again, which is most of the cost of each derivation
     * through the {@link KDF} API. {@code SealTest} checks the two agree.
     */
    static SecretKey messageKey(Mac keyedWithPrk, byte[] nonce, byte[] binding) throws GeneralSecurityException {
        Mac mac;
        try {
            mac = (Mac) keyedWithPrk.clone();
        } catch (CloneNotSupportedException e) {
            throw new NoSuchAlgorithmException("this JDK's HmacSHA256 cannot be cloned", e);
        }
        mac.update(INFO_PREFIX);
        mac.update(nonce);
        mac.update(binding);
        mac.update((byte) 1);
        return new SecretKeySpec(mac.doFinal(), "AES");
    }

    /** An HMAC-SHA256 keyed with {@code prk}, for {@link #messageKey(Mac, byte[], byte[])}. */
    static Mac keyed(SecretKey prk) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(prk);
        return mac;
    }

    static byte[] associatedData(byte[] envelope, byte[] binding) {
        byte[] aad = new byte[HEADER_LENGTH + binding.length];
        System.arraycopy(envelope, 0, aad, 0, HEADER_LENGTH);
        System.arraycopy(binding, 0, aad, HEADER_LENGTH, binding.length);
        return aad;
    }

    static KDF hkdf() throws NoSuchAlgorithmException {
        return KDF.getInstance("HKDF-SHA256");
    }
}
