package org.accesscentre.device.pin;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored PIN hash in its text form {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, the
 * form the device configuration's {@code attendants[].pinHash} holds. Naming the scheme and the work factor
 * in the text lets a later release raise the iterations without invalidating the PINs already issued.
 */
public final class PinHash {
    public static final String SCHEME = "pbkdf2-sha256";
    public static final int HASH_BYTES = 32;
    public static final int MIN_SALT_BYTES = 16;
    private static final int MAX_SALT_BYTES = 64;

    /** Enough to check a PIN in seconds on a Pi; more is a configuration that would hang the kiosk. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final Pattern FORM =
            Pattern.compile("pbkdf2-sha256\\$([1-9][0-9]{0,7})\\$([A-Za-z0-9+/]+=*)\\$([A-Za-z0-9+/]+=*)");

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    PinHash(int iterations, byte[] salt, byte[] hash) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + MAX_ITERATIONS);
        }
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new IllegalArgumentException(
                    "the salt must have " + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes, not " + salt.length);
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the hash must have " + HASH_BYTES + " bytes, not " + hash.length);
        }
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException saying what is wrong, without echoing the text
     */
    public static PinHash parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "must look like " + SCHEME + "$<iterations>$<salt>$<hash>; make one with kioskctl pin hash");
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "has " + iterations + " iterations; the most a kiosk accepts is " + MAX_ITERATIONS);
        }
        try {
            return new PinHash(
                    iterations,
                    Base64.getDecoder().decode(m.group(2)),
                    Base64.getDecoder().decode(m.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a bad salt or hash: " + e.getMessage(), e);
        }
    }

    public int iterations() {
        return iterations;
    }

    byte[] salt() {
        return salt.clone();
    }

    boolean matches(byte[] candidate) {
        // Constant time, so the time a wrong PIN takes says nothing about how close it was.
        return MessageDigest.isEqual(hash, candidate);
    }

    /** The text form, for the configuration file. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PinHash that && encoded().equals(that.encoded());
    }

    @Override
    public int hashCode() {
        return encoded().hashCode();
    }

    /** Never the hash itself: these objects end up in logs and error messages. */
    @Override
    public String toString() {
        return SCHEME + "$" + iterations + "$...";
    }
}
