package org.accesscentre.core.catalogue;

/**
 * Hard limits on answers that no catalogue can raise: they bound the memory a form can take and the size
 * of a sealed submission, whatever the catalogue says.
 */
public final class AnswerLimits {
    /** Strokes in one signature. */
    public static final int MAX_STROKES = 64;
    /** Points in one signature, over all its strokes. */
    public static final int MAX_SIGNATURE_POINTS = 4_000;
    /** Coordinates are integers on a canvas of this size in each direction. */
    public static final int SIGNATURE_CANVAS = 1_000;
    /** Significant digits in a number answer. */
    public static final int MAX_NUMBER_DIGITS = 18;

    private AnswerLimits() {}

    /** The longest text answer a field of this type may have. */
    public static int maxLength(FieldType type) {
        return switch (type) {
            case LONG_TEXT -> 4_000;
            case EMAIL -> 254;
            case PHONE -> 24;
            case NATIONAL_ID -> 32;
            default -> 200;
        };
    }
}
