package org.accesscentre.testing.answers;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * Fills in one form as the kiosk walks a citizen through it: questions in order, only those shown given the
 * answers so far, each answer checked by the validator before the next question. Public only so that
 * {@link org.accesscentre.testing.RealisticAnswers} can reach it from the package above; call that instead.
 */
public final class FormFiller {
    /** How often an optional question that is shown gets an answer. */
    private static final double OPTIONAL_ANSWERED = 0.7;
    // The generators aim inside the rules; a question that keeps failing has a rule they cannot meet.
    private static final int ATTEMPTS = 20;

    private final Catalogue catalogue;
    private final Service service;
    private final Random random;
    private final LocalDate today;
    private final Validator validator;
    private final TextAnswers texts;
    private final Numbers numbers;
    private final Dates dates;
    private final Choices choices;
    private Answers answers = Answers.empty();

    private FormFiller(Catalogue catalogue, Service service, Random random, LocalDate today) {
        this.catalogue = catalogue;
        this.service = service;
        this.random = random;
        this.today = today;
        this.validator = new Validator(catalogue);
        // The citizen is drawn before the first question; drawing them later would change every seed's answers.
        this.texts = new TextAnswers(random, Person.random(random));
        this.numbers = new Numbers(random, today);
        this.dates = new Dates(random, today);
        this.choices = new Choices(random, validator);
    }

    /** Answers to the service's form, as a citizen might give them on {@code today}. */
    public static Answers fill(Catalogue catalogue, Service service, Random random, LocalDate today) {
        return new FormFiller(catalogue, service, random, today).fill();
    }

    private Answers fill() {
        for (Field field : service.fields()) {
            if (!validator.isShown(service, field, answers)) {
                continue;
            }
            if (!field.required() && random.nextDouble() >= OPTIONAL_ANSWERED) {
                continue;
            }
            Answer answer = answer(field);
            if (answer != null) {
                answers = answers.with(field.id(), answer);
            }
        }
        return answers;
    }

    /** A valid answer, or null for an optional list question with nothing to offer. */
    private @Nullable Answer answer(Field field) {
        FormSoFar form = new FormSoFar(catalogue, service, answers);
        List<Violation> last = List.of();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Answer candidate = candidate(field, form);
            if (candidate == null) {
                return null;
            }
            last = validator.check(field, candidate, answers, today);
            if (last.isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException(form.describe(field) + ": no valid answer in " + ATTEMPTS
                + " attempts; the last one failed "
                + last.stream().map(Violation::key).toList());
    }

    private @Nullable Answer candidate(Field field, FormSoFar form) {
        return switch (field.type()) {
            case TEXT, LONG_TEXT, PHONE, EMAIL, NATIONAL_ID -> new Answer.Text(texts.text(field, form));
            case NUMBER -> new Answer.Number(numbers.number(field, form));
            case MONEY -> new Answer.Number(numbers.money(field, form));
            case DATE -> new Answer.Day(dates.date(field, form));
            case SINGLE_CHOICE -> choices.single(field);
            case LIST_CHOICE -> choices.fromList(field, form);
            case MULTI_CHOICE -> choices.several(field, form);
            case YES_NO -> new Answer.YesNo(random.nextBoolean());
            case CONSENT -> new Answer.YesNo(true);
            case SIGNATURE -> new Answer.Signature(Signatures.draw(random));
        };
    }
}
