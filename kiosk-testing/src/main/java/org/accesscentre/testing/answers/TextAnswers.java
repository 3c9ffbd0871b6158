package org.accesscentre.testing.answers;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Rules;

/**
 * Text answers that keep the question's rules. Natural text comes first, fitted to the lengths; a pattern it
 * does not meet is met with the question's example, and failing that with a sample of the pattern itself, so
 * that the text is as realistic as the rules allow.
 */
final class TextAnswers {
    // A pattern's samples can fall outside the length rules, which the sampler does not know.
    private static final int PATTERN_SAMPLES = 40;

    private final Random random;
    private final FreeText freeText;

    TextAnswers(Random random, Person person) {
        this.random = random;
        this.freeText = new FreeText(random, person);
    }

    String text(Field field, FormSoFar form) {
        Rules rules = field.rules();
        int min = Math.max(1, rules.minLength() == null ? 1 : rules.minLength());
        int max = rules.maxLength() == null ? AnswerLimits.maxLength(field.type()) : rules.maxLength();
        Pattern pattern = rules.pattern();
        String natural = fit(freeText.write(field, form), min, max, field, form);
        if (pattern == null || pattern.matcher(natural).matches()) {
            return natural;
        }
        String example = form.example(field);
        for (String variant : example == null ? List.<String>of() : Examples.variants(random, field, example)) {
            if (pattern.matcher(variant).matches() && fits(variant, min, max)) {
                return variant;
            }
        }
        Optional<PatternSampler> sampler = PatternSampler.of(pattern.pattern());
        if (sampler.isPresent()) {
            for (int i = 0; i < PATTERN_SAMPLES; i++) {
                String sample = sampler.get().sample(random);
                if (pattern.matcher(sample).matches() && fits(sample, min, max) && !sample.isBlank()) {
                    return sample;
                }
            }
        }
        throw new IllegalStateException(form.describe(field) + ": cannot make an answer that matches the pattern '"
                + pattern.pattern() + "'. Its example does not match the pattern"
                + (sampler.isPresent()
                        ? ", and no sample of the pattern fits the question's length rules"
                        : ", and the pattern uses regular-expression features RealisticAnswers cannot sample"
                                + " (it knows literals, [classes], \\d \\w \\s, groups, | and quantifiers)")
                + ". Give the question an example that matches its pattern.");
    }

    /** The text lengthened or shortened to fit the question's lengths, the way a citizen would. */
    private String fit(String text, int min, int max, Field field, FormSoFar form) {
        Supplier<String> more = switch (field.type()) {
            case PHONE, NATIONAL_ID, EMAIL -> () -> Pick.digits(random, 1);
            case LONG_TEXT -> () -> " " + Pick.one(random, Stories.generic(form.place(random)));
            default -> () -> " " + Pick.one(random, Places.COMMUNITIES);
        };
        String s = text.strip();
        for (int i = 0; length(s) < min && i < 1_000; i++) {
            s = s + more.get();
        }
        if (length(s) > max) {
            s = truncate(s, min, max);
        }
        return s;
    }

    /** Cut at the end of a sentence, else of a word, so that the text still reads as written. */
    private static String truncate(String s, int min, int max) {
        String cut = s.substring(0, s.offsetByCodePoints(0, max));
        int sentence = cut.lastIndexOf(". ");
        if (sentence + 1 >= min && sentence + 1 >= max / 2) {
            return cut.substring(0, sentence + 1);
        }
        int space = cut.lastIndexOf(' ');
        if (space > 0) {
            String kept = cut.substring(0, space).replaceAll("[\\s,;:-]+$", "");
            if (length(kept) >= min) {
                return kept;
            }
        }
        // the kiosk's input parser strips typed text, so an answer with spaces at its ends is not one it makes
        return cut.strip().length() == cut.length() ? cut : cut.replaceAll("\\s", "x");
    }

    private static boolean fits(String s, int min, int max) {
        int length = length(s);
        return length >= min && length <= max;
    }

    /** Lengths as the validator counts them: in code points, not UTF-16 units. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
