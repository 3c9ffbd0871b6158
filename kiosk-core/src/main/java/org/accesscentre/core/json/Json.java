package org.accesscentre.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson, configured once. Every mapper here has explicit limits and rejects duplicate keys. */
public final class Json {
    private static final ObjectMapper WIRE = mapper(JsonLimits.WIRE);
    /** One configured mapper per set of limits: a mapper is costly to build and safe to share once built. */
    private static final java.util.concurrent.ConcurrentMap<JsonLimits, ObjectMapper> MAPPERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final Pattern LIMIT_NUMBERS = Pattern.compile("\\((\\d+)\\)[^(]*\\((\\d+)");

    private Json() {}

    /**
     * The mapper for wire records shared by the portal and the sync daemon: ignores unknown properties so an
     * older kiosk keeps working with a newer portal, and writes times as ISO-8601 text.
     */
    public static ObjectMapper wire() {
        return WIRE;
    }

    /** A new mapper with the given limits; unknown properties are ignored, as on the wire. */
    public static ObjectMapper mapper(JsonLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.toConstraints())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * Reads one JSON document into a tree within the limits. Any refusal, whether a syntax error, invalid
     * UTF-8, a limit or trailing content, comes back as a {@link JsonInputException} that names the path
     * to the element being read.
     */
    public static JsonNode readTree(InputStream in, String source, JsonLimits limits) throws JsonInputException {
        ObjectMapper mapper = MAPPERS.computeIfAbsent(limits, Json::mapper);
        try (JsonParser parser = mapper.createParser(in)) {
            try {
                JsonNode tree = mapper.readTree(parser);
                if (tree == null || tree.isMissingNode()) {
                    throw new JsonInputException(source, "", "the document is empty");
                }
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw new JsonInputException(source, "", "unexpected content after the end of the document");
                }
                return tree;
            } catch (StreamConstraintsException e) {
                throw new JsonInputException(source, pathOf(parser.getParsingContext()), describeLimit(e, limits));
            } catch (CharConversionException e) {
                throw new JsonInputException(source, pathOf(parser.getParsingContext()), "invalid UTF-8 text");
            } catch (JsonParseException e) {
                throw new JsonInputException(source, pathOf(parser.getParsingContext()), describeSyntax(e));
            } catch (JsonProcessingException e) {
                throw new JsonInputException(source, pathOf(parser.getParsingContext()), describeSyntax(e));
            }
        } catch (IOException e) {
            throw new JsonInputException(source, "", "could not be read: " + e.getMessage());
        }
    }

    /** Formats a parser context as {@code services[3].fields[2].type}. */
    static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        Collections.reverse(parts);
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    private static String describeLimit(StreamConstraintsException e, JsonLimits limits) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("String value length") || message.startsWith("String length")) {
            return "text longer than " + limits.maxStringLength() + " characters";
        }
        if (message.startsWith("Document nesting depth") || message.contains("nesting depth")) {
            return "nested deeper than " + limits.maxDepth() + " levels";
        }
        if (message.startsWith("Document length") || message.contains("document length")) {
            return "document larger than " + limits.maxDocumentBytes() + " bytes";
        }
        if (message.startsWith("Name length") || message.contains("Name length")) {
            return "property name longer than " + limits.maxNameLength() + " characters";
        }
        if (message.startsWith("Number value length") || message.contains("Number")) {
            return "number longer than " + limits.maxNumberLength() + " digits";
        }
        Matcher m = LIMIT_NUMBERS.matcher(message);
        return m.find() ? "over a limit (" + m.group(1) + " > " + m.group(2) + ")" : "over a size limit";
    }

    private static String describeSyntax(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        if (message.startsWith("Invalid UTF-8") || message.contains("UTF-8") || message.contains("Invalid UTF")) {
            return "invalid UTF-8 text" + where;
        }
        if (message.startsWith("Duplicate field")) {
            return "a property appears twice" + where;
        }
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the end of the document" + where;
        }
        if (message.contains("end-of-input") || message.contains("Unexpected end")) {
            return "the document ends too early" + where;
        }
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return "not valid JSON: " + first + where;
    }
}
