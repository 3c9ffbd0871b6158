package org.accesscentre.app.controls;

/** Which keys the {@link OnScreenKeyboard} shows: pick the one that fits the field, so a phone number never needs letters. */
public enum KeyboardLayout {
    /** QWERTY letters, with pages for the accented letters of French and Kwéyòl and for digits and punctuation. */
    ALPHABETIC,
    /** Digits, the decimal separator and delete: amounts, counts, sizes. */
    NUMERIC,
    /** Digits, plus and space: phone numbers as people say them. */
    PHONE,
    /** Letters without a space bar, with @ . - _ and ".com" one tap away. */
    EMAIL
}
