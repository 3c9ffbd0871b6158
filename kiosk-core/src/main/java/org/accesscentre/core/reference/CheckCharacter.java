package org.accesscentre.core.reference;

/**
 * A check character over the quasigroup {@code x * y = (3x + y) mod 31}, in the manner of Damm's algorithm.
 *
 * <p>Why it catches every single substitution and every swap of neighbours: a row of the table is a
 * permutation, so changing one symbol changes every interim value after it; and {@code (c*x)*y = (c*y)*x}
 * implies {@code 2(x - y) = 0 (mod 31)}, so {@code x = y}, because 2 is invertible modulo the prime 31.
 * That argument needs each position's symbols to have distinct values, which {@link #value} guarantees for
 * letters among letters and digits among digits; a letter typed where a digit belongs is refused by the
 * reference format before the check is consulted. Multiplying by 3, a primitive root of 31, also gives every
 * position a different weight across the 30 positions a reference can have.
 *
 * <p>The check symbol comes from 31 characters that cannot be misread for one another: digits 2 to 9 and the
 * letters without I, L and O.
 */
public final class CheckCharacter {
    /** The check symbols: 31 of them, a prime, with no 0, 1, I, L or O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    static final int MODULUS = 31;
    private static final int MULTIPLIER = 3;
    private static final int[] VALUES = values();

    private CheckCharacter() {}

    /**
     * Every character's value. A check symbol's value is its index in {@link #ALPHABET}; 0 and 1 take values
     * no other digit has, and I, L and O take values no other letter has, so each class stays one-to-one.
     */
    private static int[] values() {
        int[] v = new int[128];
        java.util.Arrays.fill(v, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            v[ALPHABET.charAt(i)] = i;
        }
        v['0'] = ALPHABET.indexOf('A');
        v['1'] = ALPHABET.indexOf('B');
        v['I'] = ALPHABET.indexOf('2');
        v['L'] = ALPHABET.indexOf('3');
        v['O'] = ALPHABET.indexOf('4');
        return v;
    }

    /** The value of a digit or upper-case letter, or -1 for any other character. */
    static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    static int step(int interim, int value) {
        return (MULTIPLIER * interim + value) % MODULUS;
    }

    /** The check character for a body of digits and upper-case letters. */
    public static char compute(CharSequence body) {
        int interim = interim(body);
        int check = Math.floorMod(-MULTIPLIER * interim, MODULUS);
        return ALPHABET.charAt(check);
    }

    /** Whether {@code check} is the check character of {@code body}. */
    public static boolean isValid(CharSequence body, char check) {
        int checkValue = ALPHABET.indexOf(check);
        if (checkValue < 0) {
            return false;
        }
        int interim = interim(body);
        return interim >= 0 && step(interim, checkValue) == 0;
    }

    private static int interim(CharSequence body) {
        int interim = 0;
        for (int i = 0; i < body.length(); i++) {
            int v = value(body.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("only digits and upper-case letters can be checked");
            }
            interim = step(interim, v);
        }
        return interim;
    }
}
