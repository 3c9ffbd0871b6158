package org.accesscentre.core.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen's reference number, such as {@code SOU-03-000127-K}: the centre code, the kiosk number, the
 * kiosk's own sequence number and a check character. Unique across the fleet without coordination because
 * each kiosk numbers only its own requests; readable aloud because each part is letters only or digits
 * only, and the check character has no look-alikes.
 *
 * @param centre 3 upper-case letters, such as {@code SOU}
 * @param kiosk 1 to 99
 * @param sequence 1 to 999,999,999; written with at least 6 digits
 */
public record ReferenceNumber(String centre, int kiosk, long sequence) {
    public static final long MAX_SEQUENCE = 999_999_999L;

    /**
     * Exactly three letters. A fixed length keeps every part of the reference in a fixed place, so a digit
     * typed for a letter (or the reverse) is a format error, never a different valid reference.
     */
    public static final int CENTRE_LENGTH = 3;

    private static final Pattern CENTRE = Pattern.compile("[A-Z]{3}");
    private static final Pattern COMPACT = Pattern.compile("([A-Z]{3})([0-9]{2})([0-9]{6,9})([0-9A-Z])");

    public ReferenceNumber {
        if (!CENTRE.matcher(centre).matches()) {
            throw new IllegalArgumentException("a centre code is 3 upper-case letters, not '" + centre + "'");
        }
        if (kiosk < 1 || kiosk > 99) {
            throw new IllegalArgumentException("a kiosk number is from 1 to 99, not " + kiosk);
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("a sequence number is from 1 to " + MAX_SEQUENCE + ", not " + sequence);
        }
    }

    public static boolean isValidCentre(String centre) {
        return CENTRE.matcher(centre).matches();
    }

    public char check() {
        return CheckCharacter.compute(body());
    }

    private String body() {
        return format(new StringBuilder(16), "").toString();
    }

    /** The printed form, {@code SOU-03-000127-K}. */
    @Override
    public String toString() {
        StringBuilder sb = format(new StringBuilder(18), "-");
        return sb.append('-').append(CheckCharacter.compute(body())).toString();
    }

    private StringBuilder format(StringBuilder sb, String separator) {
        sb.append(centre).append(separator);
        if (kiosk < 10) {
            sb.append('0');
        }
        sb.append(kiosk).append(separator);
        String digits = Long.toString(sequence);
        for (int i = digits.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    /** For reading aloud and on large screens: {@code SOU 03 000127 K}. */
    public String spaced() {
        return toString().replace('-', ' ');
    }

    /**
     * Reads a reference as a person typed it: any case, with or without hyphens or spaces, and with the
     * look-alikes O/0 and I/1 read by position (letters in the centre code, digits after it). Empty when
     * the format is wrong or the check character does not match, which catches every single mistyped
     * character and every swap of two neighbours.
     */
    public static Optional<ReferenceNumber> parse(String typed) {
        if (typed.length() > 40) {
            return Optional.empty();
        }
        String compact = normalizeLookAlikes(typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", ""));
        Matcher m = COMPACT.matcher(compact);
        if (!m.matches()) {
            return Optional.empty();
        }
        String body = m.group(1) + m.group(2) + m.group(3);
        if (!CheckCharacter.isValid(body, m.group(4).charAt(0))) {
            return Optional.empty();
        }
        int kiosk = Integer.parseInt(m.group(2));
        long sequence = Long.parseLong(m.group(3));
        if (kiosk < 1 || sequence < 1) {
            return Optional.empty();
        }
        ReferenceNumber parsed = new ReferenceNumber(m.group(1), kiosk, sequence);
        // A sequence written with extra leading zeros is a different string with the same number: refuse it.
        return parsed.body().equals(body) ? Optional.of(parsed) : Optional.empty();
    }

    /** 0 and 1 become O and I in the centre code; O, I and L become 0, 1 and 1 in the digits. */
    private static String normalizeLookAlikes(String compact) {
        StringBuilder sb = new StringBuilder(compact.length());
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (i < CENTRE_LENGTH) {
                c = c == '0' ? 'O' : c == '1' ? 'I' : c;
            } else if (i < compact.length() - 1) {
                c = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
