package org.accesscentre.core.validation;

import org.accesscentre.core.answer.Answer;

/** What the citizen typed, read as an answer: a value, nothing at all, or a refusal to show next to the field. */
public sealed interface Parsed {
    record Value(Answer answer) implements Parsed {}

    record Blank() implements Parsed {}

    record Invalid(Violation violation) implements Parsed {}
}
