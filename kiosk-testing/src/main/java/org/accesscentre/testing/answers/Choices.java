package org.accesscentre.testing.answers;

import java.util.List;
import java.util.Random;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Option;
import org.accesscentre.core.catalogue.Rules;
import org.accesscentre.core.validation.Validator;
import org.jspecify.annotations.Nullable;

/** Answers to choice questions: one option, one entry of a (possibly dependent) list, or a few ticked boxes. */
final class Choices {
    private final Random random;
    private final Validator validator;

    Choices(Random random, Validator validator) {
        this.random = random;
        this.validator = validator;
    }

    Answer single(Field field) {
        return new Answer.Choice(Pick.one(random, field.options()).value());
    }

    /**
     * An entry of the question's list; for a list that depends on an earlier answer (towns of the district
     * chosen), only the entries under it. Null for an optional question with no such entry.
     */
    @Nullable
    Answer fromList(Field field, FormSoFar form) {
        List<Option> entries = validator.listEntries(field, form.answers());
        if (entries.isEmpty()) {
            if (field.required()) {
                throw new IllegalStateException(form.describe(field) + ": its list '" + field.list()
                        + "' has no entry for the answer to '" + field.dependsOn() + "'");
            }
            return null;
        }
        return new Answer.Choice(Pick.one(random, entries).value());
    }

    Answer several(Field field, FormSoFar form) {
        Rules rules = field.rules();
        List<Option> options = field.options();
        int min = rules.minChoices() != null ? rules.minChoices() : (field.required() ? 1 : 0);
        min = Math.max(1, min); // picking nothing is the same as not answering
        int max = Math.min(rules.maxChoices() != null ? rules.maxChoices() : options.size(), options.size());
        if (min > max) {
            throw new IllegalStateException(
                    form.describe(field) + ": it asks for at least " + min + " of " + max + " possible choices");
        }
        // Most people tick one to three boxes.
        int count = Math.min(max, min + (int) Math.floor(Math.abs(random.nextGaussian()) * 1.2));
        return new Answer.Choices(Pick.someInOrder(random, options, () -> count).stream()
                .map(Option::value)
                .toList());
    }
}
