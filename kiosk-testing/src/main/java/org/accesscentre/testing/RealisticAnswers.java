package org.accesscentre.testing;

import java.time.LocalDate;
import java.util.Random;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.testing.answers.FormFiller;

/**
 * Realistic, valid answers to any service of any catalogue, for tests, demos and the fleet simulator: what a
 * Saint Lucian citizen might plausibly type at a kiosk, that the {@link Validator} accepts.
 *
 * <p>The answers follow the form the way the kiosk does: questions in order, only those shown given the answers
 * so far, so a choice that shows a follow-up question sometimes gets the follow-up. Required questions are
 * always answered, optional ones about two times in three. Every rule is kept: lengths, patterns, ranges, date
 * rules, choice counts, a dependent list's parent, a required consent. Text is made from the question's id and
 * English label (a name, an address, a landmark, a description of a pothole...), or from its example; for a
 * pattern the question's example is used, with its digits and letters changed, and otherwise the pattern itself
 * is sampled when it uses only common regular-expression features. Each answer is checked with the validator as
 * it is made; a form that no answer can satisfy, such as a pattern that neither an example nor the sampler can
 * meet, fails with an {@link IllegalStateException} that names the question.
 *
 * <p>Everything comes from the given {@link Random}: the same seed, service and day give the same answers.
 *
 * <p>How the answers are made lives in {@link org.accesscentre.testing.answers}.
 */
public final class RealisticAnswers {
    private RealisticAnswers() {}

    /**
     * Answers to one service's form, as a citizen might give them on {@code today}.
     *
     * @param catalogue the catalogue the service belongs to, for its shared lists
     * @throws IllegalArgumentException if the catalogue has no service with this id
     * @throws IllegalStateException if some question cannot be answered validly, with the reason
     */
    public static Answers forService(Catalogue catalogue, Service service, Random random, LocalDate today) {
        if (catalogue.service(service.id()).isEmpty()) {
            throw new IllegalArgumentException("the catalogue has no service '" + service.id() + "'");
        }
        return FormFiller.fill(catalogue, service, random, today);
    }
}
