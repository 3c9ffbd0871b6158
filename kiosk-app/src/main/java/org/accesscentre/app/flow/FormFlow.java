package org.accesscentre.app.flow;

import java.util.List;
import java.util.Optional;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.validation.Validator;

/**
 * The order of a service's questions given the answers so far: which come next and before, and how far
 * along the citizen is. Conditions are applied every time, so answering "No" to "Has your address changed?"
 * skips the address questions, and changing it to "Yes" from the review asks them.
 */
public final class FormFlow {
    private final Service service;
    private final Validator validator;

    public FormFlow(Service service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    public Service service() {
        return service;
    }

    public List<Field> shown(Answers answers) {
        return validator.shownFields(service, answers);
    }

    public Optional<Field> first(Answers answers) {
        List<Field> shown = shown(answers);
        return shown.isEmpty() ? Optional.empty() : Optional.of(shown.getFirst());
    }

    /** The question after this one, given the answers; empty at the end of the form. */
    public Optional<Field> after(String fieldId, Answers answers) {
        List<Field> shown = shown(answers);
        int at = indexIn(shown, fieldId);
        if (at < 0) {
            // The question itself is no longer asked: continue from where it sits in the form.
            int position = position(fieldId);
            return shown.stream().filter(f -> position(f.id()) > position).findFirst();
        }
        return at + 1 < shown.size() ? Optional.of(shown.get(at + 1)) : Optional.empty();
    }

    /** The question before this one; empty for the first. */
    public Optional<Field> before(String fieldId, Answers answers) {
        List<Field> shown = shown(answers);
        int position = position(fieldId);
        Field previous = null;
        for (Field f : shown) {
            if (position(f.id()) >= position) {
                break;
            }
            previous = f;
        }
        return Optional.ofNullable(previous);
    }

    /**
     * After a change from the review: the first question asked that the citizen has not seen yet (a change
     * can open new questions), else nothing, and the review comes again.
     */
    public Optional<Field> firstUnseen(Answers answers, java.util.Set<String> seen) {
        return shown(answers).stream().filter(f -> !seen.contains(f.id())).findFirst();
    }

    /** "Question 3 of 8": this question's number among those asked now, and how many are asked. */
    public Progress progress(String fieldId, Answers answers) {
        List<Field> shown = shown(answers);
        int at = indexIn(shown, fieldId);
        return new Progress(Math.max(1, at + 1), shown.size());
    }

    public record Progress(int number, int of) {}

    private int position(String fieldId) {
        return indexIn(service.fields(), fieldId);
    }

    private static int indexIn(List<Field> fields, String fieldId) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).id().equals(fieldId)) {
                return i;
            }
        }
        return -1;
    }
}
