package org.accesscentre.testing.answers;

import java.util.List;

/** A regular expression as {@link PatternParser} reads it: only what is needed to produce matching text. */
sealed interface Regex permits Regex.Chars, Regex.Sequence, Regex.Either, Regex.Repeat {
    /** One character, any of these. */
    record Chars(String chars) implements Regex {}

    record Sequence(List<Regex> items) implements Regex {}

    record Either(List<Regex> options) implements Regex {}

    record Repeat(Regex node, int min, int max) implements Regex {}
}
