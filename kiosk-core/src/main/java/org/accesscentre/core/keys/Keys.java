package org.accesscentre.core.keys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.XECKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.accesscentre.core.io.AtomicFiles;

/**
 * Making, writing and reading the system's two kinds of key: Ed25519 for signatures (device identity,
 * bundles) and X25519 for sealing submissions to the portal.
 */
public final class Keys {
    public static final String ED25519 = "Ed25519";
    public static final String X25519 = "X25519";

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private Keys() {}

    public static KeyPair generate(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks " + algorithm, e);
        }
    }

    /** A short, stable id for a public key: the first 8 bytes of SHA-256 over its X.509 encoding, in hex. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(keyIdBytes(key));
    }

    public static byte[] keyIdBytes(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return java.util.Arrays.copyOf(digest, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as base64 of its X.509 encoding, the form configuration files use. */
    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey publicFromBase64(String text, String algorithm) throws KeyFormatException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("not valid base64");
        }
        return publicFromDer(der, algorithm, "the key");
    }

    public static PublicKey publicFromDer(byte[] der, String algorithm, String source) throws KeyFormatException {
        try {
            PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            if (!curveOf(key).equalsIgnoreCase(algorithm)) {
                throw new KeyFormatException(source + ": is a " + curveOf(key) + " key, not " + algorithm);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFormatException(source + ": not an " + algorithm + " public key");
        }
    }

    public static PrivateKey privateFromDer(byte[] der, String algorithm, String source) throws KeyFormatException {
        try {
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!curveOf(key).equalsIgnoreCase(algorithm)) {
                throw new KeyFormatException(source + ": is a " + curveOf(key) + " key, not " + algorithm);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFormatException(source + ": not an " + algorithm + " private key");
        }
    }

    /**
     * The curve a key is on: the JDK names X25519 keys "XDH" and Ed25519 keys "EdDSA" (Ed448 too), so the
     * algorithm name alone cannot tell an Ed25519 key from an Ed448 one.
     */
    private static String curveOf(Key key) {
        AlgorithmParameterSpec params = switch (key) {
            case EdECKey ed -> ed.getParams();
            case XECKey x -> x.getParams();
            default -> null;
        };
        return params instanceof NamedParameterSpec named ? named.getName() : key.getAlgorithm();
    }

    /** Writes a private key as PKCS#8 PEM, mode 0600, refusing to overwrite an existing key. */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        AtomicFiles.create(
                file,
                Pem.encode(PRIVATE, key.getEncoded()).getBytes(StandardCharsets.US_ASCII),
                AtomicFiles.OWNER_ONLY);
    }

    public static void writePublic(Path file, PublicKey key) throws IOException {
        AtomicFiles.write(file, Pem.encode(PUBLIC, key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    public static PrivateKey readPrivate(Path file, String algorithm) throws IOException, KeyFormatException {
        String source = file.toString();
        return privateFromDer(Pem.decode(readSmall(file), PRIVATE, source), algorithm, source);
    }

    public static PublicKey readPublic(Path file, String algorithm) throws IOException, KeyFormatException {
        String source = file.toString();
        return publicFromDer(Pem.decode(readSmall(file), PUBLIC, source), algorithm, source);
    }

    private static byte[] readSmall(Path file) throws IOException, KeyFormatException {
        try {
            if (Files.size(file) > 16 * 1024) {
                throw new KeyFormatException(file + ": too large for a key file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFormatException(file + ": no such file");
        }
    }

    /** The 32-byte RFC 7748 encoding of an X25519 public key. */
    public static byte[] x25519Raw(PublicKey key) {
        BigInteger u = ((XECPublicKey) key).getU();
        byte[] be = u.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    public static PublicKey x25519FromRaw(byte[] raw) throws KeyFormatException {
        if (raw.length != 32) {
            throw new KeyFormatException("an X25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] be = new byte[33];
        for (int i = 0; i < 32; i++) {
            be[32 - i] = raw[i];
        }
        be[1] &= 0x7f; // RFC 7748: the top bit of the last byte is ignored
        try {
            return KeyFactory.getInstance("XDH")
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(be)));
        } catch (GeneralSecurityException e) {
            throw new KeyFormatException("not an X25519 public key", e);
        }
    }
}
