package org.accesscentre.testing.answers;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.accesscentre.core.catalogue.Field;

/**
 * A question's example as a source of answers. Where a question has a pattern, its example is the surest way to
 * match it, but a thousand citizens typing the same example is not realistic, so its digits and letters are
 * changed.
 */
final class Examples {
    private Examples() {}

    /** The example tidied as the kiosk tidies typed text: with digits and letters changed, then as is. */
    static List<String> variants(Random random, Field field, String example) {
        String base = normalize(field, example);
        return List.of(vary(random, base, true), vary(random, base, false), base);
    }

    /** As the kiosk's input parser leaves typed text. */
    static String normalize(Field field, String text) {
        String s = text.strip();
        return switch (field.type()) {
            case NATIONAL_ID -> s.replace(" ", "").toUpperCase(Locale.ROOT);
            case PHONE -> s.replaceAll("[ ().-]", "");
            default -> s;
        };
    }

    /** The text with every digit, and optionally every ASCII letter, replaced by another of its kind. */
    static String vary(Random random, String text, boolean letters) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= '0' && c <= '9') {
                sb.append((char) ('0' + random.nextInt(10)));
            } else if (letters && c >= 'A' && c <= 'Z') {
                sb.append((char) ('A' + random.nextInt(26)));
            } else if (letters && c >= 'a' && c <= 'z') {
                sb.append((char) ('a' + random.nextInt(26)));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
