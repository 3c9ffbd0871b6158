package org.accesscentre.app.flow;

import org.accesscentre.core.catalogue.FieldType;

/** How a question is answered on screen: the input the view shows and the keyboard that comes with it. */
public enum InputKind {
    TEXT,
    LONG_TEXT,
    NUMBER,
    MONEY,
    PHONE,
    EMAIL,
    NATIONAL_ID,
    DATE,
    CHOICE,
    LIST,
    CHOICES,
    YES_NO,
    CONSENT,
    SIGNATURE;

    static InputKind of(FieldType type) {
        return switch (type) {
            case TEXT -> TEXT;
            case LONG_TEXT -> LONG_TEXT;
            case NUMBER -> NUMBER;
            case MONEY -> MONEY;
            case PHONE -> PHONE;
            case EMAIL -> EMAIL;
            case NATIONAL_ID -> NATIONAL_ID;
            case DATE -> DATE;
            case SINGLE_CHOICE -> CHOICE;
            case LIST_CHOICE -> LIST;
            case MULTI_CHOICE -> CHOICES;
            case YES_NO -> YES_NO;
            case CONSENT -> CONSENT;
            case SIGNATURE -> SIGNATURE;
        };
    }

    /** Typed with the keyboard into one text box. */
    public boolean typed() {
        return switch (this) {
            case TEXT, LONG_TEXT, NUMBER, MONEY, PHONE, EMAIL, NATIONAL_ID -> true;
            default -> false;
        };
    }
}
