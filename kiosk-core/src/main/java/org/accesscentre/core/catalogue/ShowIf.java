package org.accesscentre.core.catalogue;

/**
 * Shows a field only when an earlier field's answer is a value ({@link Test#IS}) or, for a multiple choice,
 * includes it ({@link Test#HAS}). Yes/no answers compare as {@code yes} and {@code no}.
 */
public record ShowIf(String field, Test test, String value) {
    public enum Test {
        IS,
        HAS
    }
}
