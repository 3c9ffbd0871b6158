package org.accesscentre.core.validation;

import java.util.Map;

/**
 * One failed check on one field.
 *
 * @param field the field id
 * @param args the message's arguments by name, such as {@code min -> 2}
 */
public record Violation(String field, Check check, Map<String, String> args) {
    public Violation {
        args = Map.copyOf(args);
    }

    public Violation(String field, Check check) {
        this(field, check, Map.of());
    }

    public String key() {
        return check.key();
    }
}
