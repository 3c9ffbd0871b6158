package org.accesscentre.core.catalogue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of question a form can ask. The JSON name is what the catalogue file says. */
public enum FieldType {
    TEXT("text", Kind.TEXT),
    LONG_TEXT("long_text", Kind.TEXT),
    NUMBER("number", Kind.NUMBER),
    MONEY("money", Kind.NUMBER),
    DATE("date", Kind.DATE),
    PHONE("phone", Kind.TEXT),
    EMAIL("email", Kind.TEXT),
    NATIONAL_ID("national_id", Kind.TEXT),
    SINGLE_CHOICE("single_choice", Kind.CHOICE),
    MULTI_CHOICE("multi_choice", Kind.CHOICES),
    YES_NO("yes_no", Kind.FLAG),
    LIST_CHOICE("list_choice", Kind.CHOICE),
    CONSENT("consent", Kind.FLAG),
    SIGNATURE("signature", Kind.SIGNATURE);

    /** The shape of an answer to the field. */
    public enum Kind {
        TEXT,
        NUMBER,
        DATE,
        CHOICE,
        CHOICES,
        FLAG,
        SIGNATURE
    }

    private final String jsonName;
    private final Kind kind;

    FieldType(String jsonName, Kind kind) {
        this.jsonName = jsonName;
        this.kind = kind;
    }

    public String jsonName() {
        return jsonName;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<FieldType> fromJson(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(name)).findFirst();
    }

    /** The JSON names, for error messages. */
    public static String allJsonNames() {
        return Arrays.stream(values()).map(FieldType::jsonName).collect(Collectors.joining(", "));
    }
}
