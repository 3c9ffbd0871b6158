package org.accesscentre.bench.app;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.accesscentre.app.flow.ConfirmationViewModel;
import org.accesscentre.app.flow.FindServiceViewModel;
import org.accesscentre.app.flow.QuestionViewModel;
import org.accesscentre.app.flow.ReviewViewModel;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.app.flow.ServiceInfoViewModel;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.view.ShellView;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.testing.RealisticAnswers;

/**
 * Citizens' sessions on the kiosk on screen, each from the welcome screen to the welcome screen: start, the
 * service's category, the service, "Start now", every question answered (realistic, valid answers; optional
 * ones sometimes skipped), the review, Send, the confirmation, Print receipt, Finish. Every step goes
 * through the view model of the page on screen and waits for the next frame. The services are taken in
 * turn, so every form of the catalogue is filled.
 */
final class CitizenSessions {
    /** More pages than any form has questions: a form that never reaches the review is a failure. */
    private static final int MAX_QUESTIONS = 200;

    private final ShellViewModel shell;
    private final ShellView view;
    private final FxSteps fx;
    private final ZoneId zone;

    CitizenSessions(ShellViewModel shell, ShellView view, FxSteps fx, ZoneId zone) {
        this.shell = shell;
        this.view = view;
        this.fx = fx;
        this.zone = zone;
    }

    /** Session number {@code n} (from 0), on the n-th service in turn; returns the number of questions answered. */
    int run(int n) throws Exception {
        List<Service> services = fx.call(() -> shell.catalogue().services());
        Service service = services.get(n % services.size());
        Answers answers = fx.call(
                () -> RealisticAnswers.forService(shell.catalogue(), service, new Random(n), LocalDate.now(zone)));

        expect(Screen.Welcome.class);
        fx.act(shell::start);
        fx.act(() -> page(FindServiceViewModel.class).openCategory(service.category()));
        fx.act(() -> page(FindServiceViewModel.class).open(service.id()));
        fx.act(() -> page(ServiceInfoViewModel.class).start());
        int questions = 0;
        while (fx.call(() -> shell.screen() instanceof Screen.Question)) {
            if (++questions > MAX_QUESTIONS) {
                throw new IllegalStateException(service.id() + ": still asking after " + MAX_QUESTIONS + " questions");
            }
            fx.act(() -> {
                QuestionViewModel q = page(QuestionViewModel.class);
                AnswerEntry.enter(q, answers.get(q.fieldId()).orElse(null));
                if (!q.continueOn()) {
                    throw new IllegalStateException(service.id() + ": question " + q.fieldId() + " refused the answer: "
                            + q.error().getValue());
                }
            });
        }
        expect(Screen.Review.class);
        ReviewViewModel review = fx.call(() -> page(ReviewViewModel.class));
        fx.act(review::send);
        fx.awaitCondition(
                "the request to be saved",
                () -> shell.screen() instanceof Screen.Confirmation
                        || !review.failureProperty().get().isEmpty());
        if (!fx.call(() -> review.failureProperty().get()).isEmpty()) {
            throw new IllegalStateException(
                    service.id() + ": not saved: " + review.failureProperty().get());
        }
        ConfirmationViewModel done = fx.call(() -> page(ConfirmationViewModel.class));
        fx.act(done::print);
        fx.awaitCondition(
                "the receipt",
                () -> !done.printingProperty().get()
                        && !done.printStatusProperty().get().isEmpty());
        fx.act(done::finish);
        expect(Screen.Welcome.class);
        return questions;
    }

    private <T> T page(Class<T> type) {
        return type.cast(view.pageModel());
    }

    private void expect(Class<? extends Screen> screen) throws Exception {
        Screen now = fx.call(shell::screen);
        if (!screen.isInstance(now)) {
            throw new IllegalStateException("expected the " + screen.getSimpleName() + " screen, not " + now);
        }
    }
}
