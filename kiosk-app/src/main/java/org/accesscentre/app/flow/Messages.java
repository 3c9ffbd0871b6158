package org.accesscentre.app.flow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.accesscentre.app.i18n.Strings;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.validation.Check;
import org.accesscentre.core.validation.Violation;

/**
 * Turns a validation result into words that say what to do ("Enter your date of birth, for example 27 3
 * 1985"), in the citizen's language, with the question's own example and dates written as people write them.
 */
final class Messages {
    private Messages() {}

    static String text(Strings strings, Violation v, Field field, String catalogueDefault) {
        String locale = strings.locale();
        Map<String, String> args = new HashMap<>();
        for (var e : v.args().entrySet()) {
            args.put(e.getKey(), readable(e.getValue(), locale));
        }
        String example = field.example() == null ? "" : field.example().get(locale, catalogueDefault);
        if (!example.isBlank()) {
            args.put("example", strings.get("answer.forExample", "example", example));
        } else {
            args.put("example", "");
        }
        args.put("question", field.label().get(locale, catalogueDefault));
        return strings.get(key(v, field), args);
    }

    private static String key(Violation v, Field field) {
        if (v.check() != Check.REQUIRED) {
            return v.key();
        }
        return switch (field.type().kind()) {
            case CHOICE, CHOICES, FLAG -> "answer.required.choose";
            case DATE -> "answer.required.date";
            case SIGNATURE -> "answer.signatureEmpty";
            default -> field.type() == FieldType.LONG_TEXT ? "answer.required.write" : "answer.required";
        };
    }

    /** A date argument (YYYY-MM-DD) as the language writes dates; anything else as it is. */
    private static String readable(String value, String locale) {
        if (value.length() == 10 && value.charAt(4) == '-') {
            try {
                return LocalDate.parse(value).format(Dates.written(Locale.forLanguageTag(locale)));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }
}
