package org.accesscentre.core.validation;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.LocalizedText;

/**
 * Reads what a citizen typed into an answer, forgiving the ways people write things: spaces in phone
 * numbers, "EC$" before an amount, "27 3 1985" or "27/03/1985" for a date. Anything else it refuses with a
 * message key; it never throws on input.
 */
final class InputParser {
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,8})?");
    private static final Pattern MONEY = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[ ./-]+(\\d{1,2})[ ./-]+(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    /** Locales that write a decimal comma. */
    private static final java.util.Set<String> COMMA_DECIMAL_LOCALES =
            java.util.Set.of("fr", "acf", "es", "pt", "de", "nl");

    private static final Pattern PHONE_CHARS = Pattern.compile("\\+?[0-9 ().-]{1,30}");

    private InputParser() {}

    static Parsed parse(Field field, String input, String locale) {
        String text = input.strip();
        int hardMax = AnswerLimits.maxLength(field.type());
        if (text.isEmpty()) {
            return new Parsed.Blank();
        }
        if (text.length() > hardMax * 2 + 16) {
            return invalid(field, Check.TOO_LONG, Map.of("max", Integer.toString(hardMax)));
        }
        return switch (field.type()) {
            case TEXT, LONG_TEXT -> new Parsed.Value(new Answer.Text(text));
            case EMAIL -> new Parsed.Value(new Answer.Text(normalizeEmail(text)));
            case PHONE -> phone(field, text);
            case NATIONAL_ID ->
                new Parsed.Value(new Answer.Text(text.replace(" ", "").toUpperCase(Locale.ROOT)));
            case NUMBER -> number(field, decimal(text, locale));
            case MONEY -> money(field, decimal(stripCurrency(text), locale));
            case DATE -> date(field, text, locale);
            case SINGLE_CHOICE, LIST_CHOICE -> new Parsed.Value(new Answer.Choice(text));
            case YES_NO, CONSENT -> yesNo(field, text);
            case MULTI_CHOICE, SIGNATURE -> invalid(field, Check.WRONG_TYPE, Map.of());
        };
    }

    private static String normalizeEmail(String text) {
        int at = text.lastIndexOf('@');
        return at < 0 ? text : text.substring(0, at) + text.substring(at).toLowerCase(Locale.ROOT);
    }

    private static Parsed phone(Field field, String text) {
        if (!PHONE_CHARS.matcher(text).matches()) {
            return invalid(field, Check.NOT_A_PHONE, Map.of());
        }
        String normalized = text.replaceAll("[ ().-]", "");
        return new Parsed.Value(new Answer.Text(normalized));
    }

    private static Parsed number(Field field, String text) {
        if (!NUMBER.matcher(text).matches()) {
            return invalid(field, Check.NOT_A_NUMBER, Map.of());
        }
        return new Parsed.Value(new Answer.Number(new BigDecimal(text)));
    }

    /**
     * Normalizes a typed decimal to the form {@code 1234.5}. In French (and other comma locales) the comma
     * is the decimal mark and spaces or dots group thousands: "1 234,50". Elsewhere the dot is the decimal
     * mark and commas group thousands: "1,234.50".
     */
    static String decimal(String text, String locale) {
        String t = text.replaceAll("[\\s\u00a0\u202f]", "");
        if (COMMA_DECIMAL_LOCALES.contains(locale.split("-")[0])) {
            if (t.contains(",")) {
                t = t.replace(".", "").replace(',', '.');
            }
            return t;
        }
        return t.replace(",", "");
    }

    private static String stripCurrency(String text) {
        return text.strip().replaceFirst("^(?i)(EC\\$|XCD|\\$)\\s*", "").replaceFirst("(?i)\\s*(EC\\$|XCD|\\$)$", "");
    }

    private static Parsed money(Field field, String amount) {
        if (!MONEY.matcher(amount).matches()) {
            return invalid(field, Check.NOT_MONEY, Map.of());
        }
        return new Parsed.Value(new Answer.Number(new BigDecimal(amount).setScale(2)));
    }

    private static Parsed date(Field field, String text, String locale) {
        Matcher iso = ISO_DATE.matcher(text);
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        try {
            if (iso.matches()) {
                return day(toInt(iso.group(1)), toInt(iso.group(2)), toInt(iso.group(3)));
            }
            if (dmy.matches()) {
                return day(toInt(dmy.group(3)), toInt(dmy.group(2)), toInt(dmy.group(1)));
            }
        } catch (DateTimeException e) {
            // fall through: 31 2 1990 is not a date
        }
        return invalid(field, Check.NOT_A_DATE, Map.of("example", example(field, locale)));
    }

    private static Parsed day(int year, int month, int day) {
        return new Parsed.Value(new Answer.Day(LocalDate.of(year, month, day)));
    }

    private static Parsed yesNo(Field field, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "oui", "wi" -> new Parsed.Value(new Answer.YesNo(true));
            case "no", "n", "false", "non", "non." -> new Parsed.Value(new Answer.YesNo(false));
            default -> invalid(field, Check.WRONG_TYPE, Map.of());
        };
    }

    private static int toInt(String digits) {
        return Integer.parseInt(digits);
    }

    static String example(Field field, String locale) {
        LocalizedText example = field.example();
        return example == null ? "" : example.get(locale, locale);
    }

    private static Parsed invalid(Field field, Check check, Map<String, String> args) {
        return new Parsed.Invalid(new Violation(field.id(), check, args));
    }
}
