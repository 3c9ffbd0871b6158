package org.accesscentre.device.pin;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks attendant PINs with salted PBKDF2-HMAC-SHA256 from the JDK.
 *
 * <p>A 4-digit PIN has only 10,000 values, so no work factor keeps a stolen hash safe for long; the real
 * defence is the app's lockout and the configuration being readable only by the kiosk's service user. The
 * work factor still turns a lookup into hours of effort per attendant, which is what it is for.
 */
public final class PinHasher {
    /**
     * OWASP's 2023 figure for PBKDF2-HMAC-SHA256. A check takes well under two seconds on a Raspberry Pi 4,
     * which an attendant logging in at the desk does not mind.
     */
    public static final int DEFAULT_ITERATIONS = 600_000;

    /** The floor a device accepts in its configuration (OWASP's minimum for PBKDF2 in 2021 was 210,000). */
    public static final int MIN_ITERATIONS = 210_000;

    public static final int MIN_PIN_LENGTH = 4;
    public static final int MAX_PIN_LENGTH = 12;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;

    private final int iterations;
    private final SecureRandom random;

    /** A hasher with the default work factor. */
    public PinHasher() {
        this(DEFAULT_ITERATIONS, new SecureRandom());
    }

    /** A hasher with the given work factor; tests use a small one to stay fast. */
    public PinHasher(int iterations, SecureRandom random) {
        if (iterations < 1 || iterations > PinHash.MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + PinHash.MAX_ITERATIONS);
        }
        this.iterations = iterations;
        this.random = random;
    }

    /** True for 4 to 12 ASCII digits. */
    public static boolean isValidPin(char[] pin) {
        if (pin.length < MIN_PIN_LENGTH || pin.length > MAX_PIN_LENGTH) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Hashes a PIN with a fresh salt.
     *
     * @throws IllegalArgumentException if the PIN is not 4 to 12 digits
     */
    public PinHash hash(char[] pin) {
        if (!isValidPin(pin)) {
            throw new IllegalArgumentException(
                    "a PIN is " + MIN_PIN_LENGTH + " to " + MAX_PIN_LENGTH + " digits, nothing else");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /** Whether {@code pin} is the PIN behind {@code stored}, compared in constant time. */
    public static boolean verify(char[] pin, PinHash stored) {
        if (!isValidPin(pin)) {
            return false;
        }
        byte[] candidate = derive(pin, stored.salt(), stored.iterations());
        try {
            return stored.matches(candidate);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, PinHash.HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("this JDK cannot compute " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }
}
