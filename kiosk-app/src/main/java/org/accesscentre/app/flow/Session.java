package org.accesscentre.app.flow;

import java.util.HashSet;
import java.util.Set;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.submission.PreparedSubmission;
import org.accesscentre.core.validation.Validator;
import org.jspecify.annotations.Nullable;

/**
 * One citizen's visit: the service they chose and their answers, in memory only until they send. A wipe
 * drops everything; nothing here is ever written anywhere in clear.
 */
final class Session {
    private @Nullable Catalogue catalogue;
    private @Nullable Validator validator;
    private @Nullable FormFlow form;
    private Answers answers = Answers.empty();
    private final Set<String> seen = new HashSet<>();
    private @Nullable PreparedSubmission prepared;
    private @Nullable Receipt receipt;
    private boolean changing;

    void begin(Catalogue catalogue, Validator validator, Service service) {
        wipe();
        this.catalogue = catalogue;
        this.validator = validator;
        this.form = new FormFlow(service, validator);
    }

    boolean active() {
        return form != null;
    }

    FormFlow form() {
        if (form == null) {
            throw new IllegalStateException("no service chosen");
        }
        return form;
    }

    Validator validator() {
        if (validator == null) {
            throw new IllegalStateException("no service chosen");
        }
        return validator;
    }

    Catalogue catalogue() {
        if (catalogue == null) {
            throw new IllegalStateException("no service chosen");
        }
        return catalogue;
    }

    Answers answers() {
        return answers;
    }

    /** An answer given: anything prepared for sending is stale now. */
    void answer(String fieldId, @Nullable Answer answer, String by) {
        answers = answer == null ? answers.without(fieldId) : answers.with(fieldId, answer, by);
        prepared = null;
    }

    void seen(String fieldId) {
        seen.add(fieldId);
    }

    Set<String> seen() {
        return Set.copyOf(seen);
    }

    /** The citizen came from the review to change one answer. */
    boolean changing() {
        return changing;
    }

    void changing(boolean on) {
        changing = on;
    }

    @Nullable
    PreparedSubmission prepared() {
        return prepared;
    }

    void prepared(PreparedSubmission p) {
        prepared = p;
    }

    @Nullable
    Receipt receipt() {
        return receipt;
    }

    void sent(Receipt r) {
        receipt = r;
    }

    void wipe() {
        catalogue = null;
        validator = null;
        form = null;
        answers = Answers.empty();
        seen.clear();
        prepared = null;
        receipt = null;
        changing = false;
    }
}
