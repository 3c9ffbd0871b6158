package org.accesscentre.core.answer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Service;
import org.jspecify.annotations.Nullable;

/**
 * Answers as JSON, the form they take inside a sealed submission: text, numbers as decimal strings, dates
 * as {@code YYYY-MM-DD}, choices as option values, yes/no as booleans, and signatures as lists of strokes
 * of x, y pairs. Decoding needs the form, because the JSON alone does not say whether "12" is text or a
 * number.
 */
public final class AnswerCodec {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INK = "ink";

    private AnswerCodec() {}

    public static ObjectNode encode(Answers answers) {
        ObjectNode out = NODES.objectNode();
        answers.values().forEach((id, answer) -> out.set(id, encode(answer)));
        return out;
    }

    public static JsonNode encode(Answer answer) {
        return switch (answer) {
            case Answer.Text t -> NODES.textNode(t.value());
            case Answer.Number n -> NODES.textNode(n.value().toPlainString());
            case Answer.Day d -> NODES.textNode(d.value().toString());
            case Answer.Choice c -> NODES.textNode(c.value());
            case Answer.Choices c -> {
                ArrayNode array = NODES.arrayNode();
                c.values().forEach(array::add);
                yield array;
            }
            case Answer.YesNo y -> NODES.booleanNode(y.value());
            case Answer.Signature s -> {
                ObjectNode sig = NODES.objectNode();
                ArrayNode strokes = sig.putArray("strokes");
                for (Stroke stroke : s.strokes()) {
                    ArrayNode points = strokes.addArray();
                    for (int v : stroke.xy()) {
                        points.add(v);
                    }
                }
                yield sig;
            }
        };
    }

    /**
     * Writes the answers as one JSON object, straight to a generator: the submit path builds no tree. This is
     * the sealed payload's form, where a signature is {@code {"ink": "…"}} (see {@link Ink}) rather than the
     * lists of strokes {@link #encode} gives; {@link #inkToStrokes} turns it back.
     */
    public static void write(Answers answers, JsonGenerator out) throws IOException {
        out.writeStartObject();
        for (var e : answers.values().entrySet()) {
            out.writeFieldName(e.getKey());
            write(e.getValue(), out);
        }
        out.writeEndObject();
    }

    static void write(Answer answer, JsonGenerator out) throws IOException {
        switch (answer) {
            case Answer.Text t -> out.writeString(t.value());
            case Answer.Number n -> out.writeString(n.value().toPlainString());
            case Answer.Day d -> out.writeString(d.value().toString());
            case Answer.Choice c -> out.writeString(c.value());
            case Answer.Choices c -> {
                out.writeStartArray();
                for (String v : c.values()) {
                    out.writeString(v);
                }
                out.writeEndArray();
            }
            case Answer.YesNo y -> out.writeBoolean(y.value());
            case Answer.Signature s -> {
                out.writeStartObject();
                out.writeStringField(INK, Ink.encode(s.strokes()));
                out.writeEndObject();
            }
        }
    }

    /**
     * Replaces, in place, every signature written as {@code {"ink": "…"}} by {@link #write} with its strokes,
     * the form {@link #encode} gives and {@link #decode} reads. Returns the id of the first answer whose ink
     * is not a signature, with why, or null when all were.
     */
    public static @Nullable BadInk inkToStrokes(ObjectNode answers) {
        for (Map.Entry<String, JsonNode> e : answers.properties()) {
            JsonNode v = e.getValue();
            if (v.isObject() && v.size() == 1 && v.get(INK) instanceof JsonNode ink && ink.isTextual()) {
                try {
                    e.setValue(encode(new Answer.Signature(Ink.decode(ink.textValue()))));
                } catch (Ink.InkException bad) {
                    return new BadInk(e.getKey(), bad.getMessage());
                }
            }
        }
        return null;
    }

    /** A signature's ink that does not decode: the answer's id and why. */
    public record BadInk(String id, String problem) {}

    /**
     * The answers in {@code json} for the given form. An answer whose JSON cannot be the field's type is left
     * out and its field id reported in {@link Decoded#wrongType()}; an answer to a field the form lacks is
     * kept as text, so validation reports it as unknown.
     */
    public static Decoded decode(Service service, JsonNode json, Map<String, String> enteredBy) {
        Map<String, Answer> values = new LinkedHashMap<>();
        List<String> wrongType = new ArrayList<>();
        if (!json.isObject()) {
            return new Decoded(Answers.empty(), List.of("answers"));
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            Field field = service.field(e.getKey()).orElse(null);
            Answer answer = field == null ? new Answer.Text("") : decode(field, e.getValue());
            if (answer == null) {
                wrongType.add(e.getKey());
            } else {
                values.put(e.getKey(), answer);
            }
        }
        Map<String, String> by = new LinkedHashMap<>(enteredBy);
        by.keySet().retainAll(values.keySet());
        return new Decoded(Answers.of(values, by), List.copyOf(wrongType));
    }

    /** The answers, and the fields whose JSON had the wrong shape. */
    public record Decoded(Answers answers, List<String> wrongType) {}

    static @Nullable Answer decode(Field field, JsonNode v) {
        return switch (field.type().kind()) {
            case TEXT -> v.isTextual() ? new Answer.Text(v.textValue()) : null;
            case NUMBER -> number(v);
            case DATE -> date(v);
            case CHOICE -> v.isTextual() ? new Answer.Choice(v.textValue()) : null;
            case CHOICES -> choices(v);
            case FLAG -> v.isBoolean() ? new Answer.YesNo(v.booleanValue()) : null;
            case SIGNATURE -> signature(v);
        };
    }

    private static @Nullable Answer number(JsonNode v) {
        if (!v.isTextual() || v.textValue().length() > 40) {
            return null;
        }
        try {
            String text = v.textValue();
            if (text.contains("e") || text.contains("E")) {
                return null; // no exponents: "1e999999999" would be a very large number to compare
            }
            return new Answer.Number(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Answer date(JsonNode v) {
        if (!v.isTextual() || v.textValue().length() != 10) {
            return null;
        }
        try {
            return new Answer.Day(LocalDate.parse(v.textValue()));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Answer choices(JsonNode v) {
        if (!v.isArray() || v.size() > 500) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                return null;
            }
            values.add(item.textValue());
        }
        return new Answer.Choices(values);
    }

    private static @Nullable Answer signature(JsonNode v) {
        JsonNode strokes = v.isObject() ? v.get("strokes") : null;
        if (strokes == null || !strokes.isArray() || strokes.size() > AnswerLimits.MAX_STROKES) {
            return null;
        }
        List<Stroke> out = new ArrayList<>();
        int total = 0;
        for (JsonNode s : strokes) {
            if (!s.isArray() || s.size() % 2 != 0) {
                return null;
            }
            total += s.size() / 2;
            if (total > AnswerLimits.MAX_SIGNATURE_POINTS) {
                return null;
            }
            int[] xy = new int[s.size()];
            for (int i = 0; i < xy.length; i++) {
                JsonNode n = s.get(i);
                if (!n.isInt()) {
                    return null;
                }
                xy[i] = n.intValue();
            }
            out.add(new Stroke(xy));
        }
        return new Answer.Signature(out);
    }
}
