package org.accesscentre.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secrets and their hashes. Every secret here has at least 128 random bits, so a plain SHA-256 is
 * the right hash: a slow password hash protects guessable secrets, and these cannot be guessed.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Letters and digits that cannot be misread for one another, for codes people type. */
    private static final String READABLE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private Secrets() {}

    /** {@code bytes} random bytes, base64url without padding. */
    public static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A code a person reads and types, in groups of four: {@code K7Q4-M2XD-9PRT} (~59 bits). */
    public static String readableCode(int groups) {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                sb.append('-');
            }
            for (int i = 0; i < 4; i++) {
                sb.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
            }
        }
        return sb.toString();
    }

    /** A short random id with a prefix, such as {@code dev_k7q4m2xd9prt}. */
    public static String id(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 12; i++) {
            sb.append(Character.toLowerCase(READABLE.charAt(RANDOM.nextInt(READABLE.length()))));
        }
        return sb.toString();
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares in time independent of where the first difference is. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
