package org.accesscentre.portal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against a schema of the OpenAPI document: the subset of JSON Schema the document uses
 * (type, nullable types, enum, const, required, properties, additionalProperties, items, pattern and the
 * formats date-time, date and uuid). It is stricter than JSON Schema in one way, on purpose: an object whose
 * schema lists {@code properties} and says nothing of {@code additionalProperties} is closed, so a field the
 * portal writes but the document does not promise is reported.
 */
final class SchemaCheck {
    private final OpenApiDocument doc;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(OpenApiDocument doc) {
        this.doc = doc;
    }

    /** Every way {@code value} differs from {@code schema}; empty when it matches. */
    static List<String> problems(OpenApiDocument doc, JsonNode schema, JsonNode value) {
        SchemaCheck check = new SchemaCheck(doc);
        check.check(schema, value, "$");
        return check.problems;
    }

    private void check(JsonNode schemaOrRef, JsonNode value, String at) {
        JsonNode schema = doc.deref(schemaOrRef);
        if (!typeMatches(schema.path("type"), value)) {
            problems.add(at + ": " + kind(value) + " where the document says " + schema.path("type"));
            return;
        }
        if (value.isNull()) {
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + ": " + value + " is not " + schema.get("const"));
        }
        if (value.isTextual()) {
            checkText(schema, value.asText(), at);
        }
        if (value.isObject()) {
            checkObject(schema, value, at);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]");
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at) {
        JsonNode properties = schema.path("properties");
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asText())) {
                problems.add(at + ": the promised field '" + name.asText() + "' is missing");
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        value.properties().forEach(field -> {
            String path = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), path);
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), path);
            } else if (additional == null && properties.isObject()
                    || additional != null && additional.isBoolean() && !additional.asBoolean()) {
                problems.add(at + ": the field '" + field.getKey() + "' is not in the document");
            }
        });
    }

    private void checkText(JsonNode schema, String text, String at) {
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asText())
                        .matcher(text)
                        .find()) {
            problems.add(at + ": '" + text + "' does not match "
                    + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText("");
        try {
            switch (format) {
                case "date-time" -> Instant.parse(text);
                case "date" -> LocalDate.parse(text);
                case "uuid" -> UUID.fromString(text);
                default -> {
                    // other formats are descriptive only
                }
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(at + ": '" + text + "' is not a " + format);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isMissingNode()) {
            return true;
        }
        Set<String> allowed = new HashSet<>();
        if (type.isArray()) {
            type.forEach(t -> allowed.add(t.asText()));
        } else {
            allowed.add(type.asText());
        }
        return allowed.contains(kind(value)) || allowed.contains("number") && value.isNumber();
    }

    private static String kind(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isArray()) {
            return "array";
        }
        return value.isObject() ? "object" : value.getNodeType().toString();
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode v : list) {
            if (v.equals(value)
                    || v.isTextual() && value.isTextual() && v.asText().equals(value.asText())) {
                return true;
            }
        }
        return false;
    }
}
