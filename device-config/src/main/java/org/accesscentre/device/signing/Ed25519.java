package org.accesscentre.device.signing;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;

/** Ed25519 signing and checking with the JDK's provider. */
public final class Ed25519 {
    /** Every Ed25519 signature is exactly this long (RFC 8032). */
    public static final int SIGNATURE_BYTES = 64;

    private static final byte[] PROBE = "access-centre-kiosk key pair check".getBytes(StandardCharsets.US_ASCII);

    private Ed25519() {}

    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(Keys.ED25519);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + key.getAlgorithm(), e);
        } catch (NoSuchAlgorithmException | SignatureException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 signatures", e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code data} by {@code key}; false for any malformed input. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(Keys.ED25519);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot check Ed25519 signatures", e);
        }
    }

    /**
     * The public key of an Ed25519 private key. The JDK offers no call for this, but its key pair generator
     * derives the public key from 32 random bytes, which are the private key: feeding it the private key's
     * own bytes gives back the pair. The result is checked with a signature, so a JDK that generated keys
     * differently fails loudly here instead of producing a wrong key id.
     */
    public static PublicKey publicKeyOf(PrivateKey key) throws KeyFormatException {
        if (!(key instanceof EdECPrivateKey ed)) {
            throw new KeyFormatException("not an Ed25519 private key: " + key.getAlgorithm());
        }
        byte[] seed = ed.getBytes().orElseThrow(() -> new KeyFormatException("the private key's bytes are hidden"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(Keys.ED25519);
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!verify(pair.getPublic(), PROBE, sign(key, PROBE))) {
                throw new KeyFormatException("could not derive the public key of this Ed25519 private key");
            }
            return pair.getPublic();
        } catch (IllegalStateException e) {
            throw new KeyFormatException("could not derive the public key of this Ed25519 private key", e);
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Whether {@code key} is an Ed25519 public key (the JDK names the algorithm "EdDSA" for Ed25519 and Ed448). */
    public static boolean isEd25519(PublicKey key) {
        return key instanceof EdECPublicKey ed && ed.getParams().getName().equalsIgnoreCase(Keys.ED25519);
    }

    /** Whether a private key and a public key belong together. */
    public static boolean isPair(PrivateKey privateKey, PublicKey publicKey) {
        try {
            return verify(publicKey, PROBE, sign(privateKey, PROBE));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A "random" source that returns the given bytes: only for {@link #publicKeyOf}. */
    private static final class FixedBytes extends SecureRandom {
        @Serial
        private static final long serialVersionUID = 1L;

        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException(
                        "the key generator asked for " + out.length + " bytes, not " + bytes.length);
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
