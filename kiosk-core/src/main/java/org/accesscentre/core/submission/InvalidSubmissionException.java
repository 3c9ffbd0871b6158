package org.accesscentre.core.submission;

import java.io.Serial;
import java.util.List;
import org.accesscentre.core.validation.Violation;

/** The answers do not pass the form's rules; nothing was sealed or stored. */
public final class InvalidSubmissionException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public InvalidSubmissionException(List<Violation> violations) {
        super(violations.size() + " answer(s) do not pass the form's rules, first: "
                + violations.getFirst().field() + " " + violations.getFirst().key());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
