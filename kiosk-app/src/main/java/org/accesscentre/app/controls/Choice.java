package org.accesscentre.app.controls;

/**
 * One answer a citizen can pick: the {@code value} the form stores and the {@code label} they read (already in
 * their language). Shared by {@link ChoiceTiles} and {@link SearchableList}.
 */
public record Choice(String value, String label) {
    public Choice {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a choice needs a value to store");
        }
    }
}
