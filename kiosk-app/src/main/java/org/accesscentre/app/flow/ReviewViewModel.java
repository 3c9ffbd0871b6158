package org.accesscentre.app.flow;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.submission.InvalidSubmissionException;
import org.accesscentre.core.submission.PreparedSubmission;
import org.accesscentre.core.submission.Submitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check your answers": every question asked with its answer and a Change link, then "Send my request". The
 * request is sealed once per version of the answers and saved at most once: a second tap, or a tap while the
 * first is saving, sends nothing more.
 */
public final class ReviewViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

    private final ShellViewModel shell;
    private final Session session;
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");

    ReviewViewModel(ShellViewModel shell) {
        this.shell = shell;
        this.session = shell.session();
    }

    public record Row(String fieldId, String question, String answer) {}

    public String serviceTitle() {
        return session.form()
                .service()
                .text(shell.locale(), session.catalogue().defaultLocale())
                .title();
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String fallback = session.catalogue().defaultLocale();
        for (Field f : session.form().shown(session.answers())) {
            rows.add(new Row(
                    f.id(),
                    f.label().get(shell.locale(), fallback),
                    AnswerText.of(
                            session.answers().get(f.id()).orElse(null),
                            f,
                            session.answers(),
                            session.validator(),
                            shell.strings(),
                            fallback)));
        }
        return rows;
    }

    public void change(String fieldId) {
        shell.change(fieldId);
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Why the last send failed, in words, or empty. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** "Send my request". */
    public void send() {
        if (sending.get() || session.receipt() != null) {
            return;
        }
        Submitter submitter = shell.context().submitter(session.validator());
        PreparedSubmission prepared = session.prepared();
        if (prepared == null) {
            try {
                prepared = submitter.prepare(session.form().service(), session.answers(), shell.locale());
            } catch (InvalidSubmissionException e) {
                // Only a catalogue rule that depends on the day (a date that became past) gets here.
                String fieldId = e.violations().getFirst().field();
                LOG.info(
                        "an answer no longer holds at sending time: {}",
                        e.violations().getFirst().check());
                shell.change(fieldId);
                return;
            }
            session.prepared(prepared);
        }
        PreparedSubmission toSend = prepared;
        sending.set(true);
        failure.set("");
        shell.context().background().execute(() -> {
            try {
                Receipt receipt = submitter.submit(toSend);
                shell.context().ui().execute(() -> {
                    sending.set(false);
                    shell.sent(receipt);
                });
            } catch (StoreException | RuntimeException e) {
                LOG.error("a request could not be saved on the kiosk: {}", e.getMessage());
                shell.context().ui().execute(() -> {
                    sending.set(false);
                    failure.set(shell.strings().get("review.saveFailed"));
                });
            }
        });
    }

    public void back() {
        shell.back();
    }
}
