package org.accesscentre.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A JSON element together with its path in the document. Mapping code reads through it, so every refusal
 * says exactly where the bad element is: {@code services[3].fields[2].type: unknown type 'dat'}.
 *
 * <p>A strict node refuses properties its reader does not know (the ICT office's tools validate this way,
 * so a misspelt rule is never silently ignored); a lenient one ignores them (a kiosk reading a newer
 * catalogue).
 */
public final class Node {
    private final JsonNode json;
    private final String source;
    private final String path;
    private final boolean strict;

    private Node(JsonNode json, String source, String path, boolean strict) {
        this.json = json;
        this.source = source;
        this.path = path;
        this.strict = strict;
    }

    public static Node root(JsonNode json, String source, boolean strict) {
        return new Node(json, source, "", strict);
    }

    public String path() {
        return path;
    }

    public boolean strict() {
        return strict;
    }

    /** A refusal located at this node. */
    public JsonInputException error(String problem) {
        return new JsonInputException(source, path, problem);
    }

    /** A refusal located at the named child of this node, present or not. */
    public JsonInputException error(String name, String problem) {
        return new JsonInputException(source, childPath(name), problem);
    }

    public boolean has(String name) {
        JsonNode child = json.get(name);
        return child != null && !child.isNull();
    }

    public Node required(String name) throws JsonInputException {
        requireObject();
        JsonNode child = json.get(name);
        if (child == null || child.isNull()) {
            throw error(name, "is missing");
        }
        return new Node(child, source, childPath(name), strict);
    }

    public Optional<Node> optional(String name) throws JsonInputException {
        requireObject();
        JsonNode child = json.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Node(child, source, childPath(name), strict));
    }

    /** In strict mode, refuses any property not named here. */
    public void allowOnly(Set<String> known) throws JsonInputException {
        requireObject();
        if (!strict) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            String name = e.getKey();
            if (!known.contains(name)) {
                throw error(name, "unknown property '" + clip(name) + "'");
            }
        }
    }

    public String text(String name) throws JsonInputException {
        return required(name).asText();
    }

    public Optional<String> optionalText(String name) throws JsonInputException {
        Optional<Node> child = optional(name);
        return child.isPresent() ? Optional.of(child.get().asText()) : Optional.empty();
    }

    public String asText() throws JsonInputException {
        if (!json.isTextual()) {
            throw error("must be text, not " + kind());
        }
        return json.textValue();
    }

    /** Text that must not be blank and must fit in {@code maxLength} characters. */
    public String asText(int maxLength) throws JsonInputException {
        String text = asText();
        if (text.isBlank()) {
            throw error("must not be empty");
        }
        if (text.length() > maxLength) {
            throw error("is " + text.length() + " characters long; the limit is " + maxLength);
        }
        return text;
    }

    /** Text matching an identifier pattern, such as a service id. */
    public String asId(Predicate<String> valid, String rule) throws JsonInputException {
        String text = asText();
        if (!valid.test(text)) {
            throw error("'" + clip(text) + "' is not a valid id: " + rule);
        }
        return text;
    }

    public long asLong(long min, long max) throws JsonInputException {
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw error("must be a whole number, not " + kind());
        }
        long value = json.longValue();
        if (value < min || value > max) {
            throw error("must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    public int asInt(int min, int max) throws JsonInputException {
        return (int) asLong(min, max);
    }

    public long integer(String name, long min, long max) throws JsonInputException {
        return required(name).asLong(min, max);
    }

    public BigDecimal asDecimal() throws JsonInputException {
        if (!json.isNumber()) {
            throw error("must be a number, not " + kind());
        }
        return json.decimalValue();
    }

    public boolean asBoolean() throws JsonInputException {
        if (!json.isBoolean()) {
            throw error("must be true or false, not " + kind());
        }
        return json.booleanValue();
    }

    public boolean isText() {
        return json.isTextual();
    }

    public boolean isBoolean() {
        return json.isBoolean();
    }

    public boolean isNumber() {
        return json.isNumber();
    }

    public boolean isArray() {
        return json.isArray();
    }

    /** The elements of an array, refusing more than {@code maxItems}. */
    public List<Node> elements(int maxItems) throws JsonInputException {
        if (!json.isArray()) {
            throw error("must be a list, not " + kind());
        }
        if (json.size() > maxItems) {
            throw error("has " + json.size() + " entries; the limit is " + maxItems);
        }
        List<Node> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(json.get(i), source, path + "[" + i + "]", strict));
        }
        return out;
    }

    public List<Node> elements(String name, int maxItems) throws JsonInputException {
        return required(name).elements(maxItems);
    }

    /** The properties of an object, in document order, refusing more than {@code maxEntries}. */
    public Map<String, Node> entries(int maxEntries) throws JsonInputException {
        requireObject();
        if (json.size() > maxEntries) {
            throw error("has " + json.size() + " entries; the limit is " + maxEntries);
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            out.put(e.getKey(), new Node(e.getValue(), source, childPath(e.getKey()), strict));
        }
        return out;
    }

    /** The underlying tree, for values that are kept as JSON. */
    public JsonNode json() {
        return json;
    }

    private void requireObject() throws JsonInputException {
        if (!json.isObject()) {
            throw error("must be an object, not " + kind());
        }
    }

    private String childPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String kind() {
        return switch (json.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL, MISSING -> "nothing";
            case BINARY, POJO -> "binary data";
        };
    }

    /** Shortens text quoted back in an error, so a hostile 50 MB value is never echoed. */
    public static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
