package org.accesscentre.app.controls;

/**
 * One key of the on-screen keyboard and where it sits in the keyboard's grid. Letter layouts use half-key
 * columns so rows can be staggered like a real keyboard; spans are in those columns.
 */
record KeyDef(Kind kind, String text, int column, int row, int columnSpan, int rowSpan) {
    enum Kind {
        /** Types its text; letters follow shift. */
        CHARACTER,
        /** Types its text as it is, whatever shift says (".com"). */
        TEXT,
        /** Types the keyboard's decimal separator. */
        DECIMAL,
        SPACE,
        SHIFT,
        DELETE,
        DONE,
        LETTERS_PAGE,
        ACCENTS_PAGE,
        SYMBOLS_PAGE
    }

    /** Special keys get the action styling; character keys stay plain so the letters stand out. */
    boolean isAction() {
        return switch (kind) {
            case CHARACTER, TEXT, DECIMAL, SPACE -> false;
            default -> true;
        };
    }
}
