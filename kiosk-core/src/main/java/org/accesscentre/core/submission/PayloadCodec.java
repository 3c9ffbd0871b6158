package org.accesscentre.core.submission;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;

/**
 * The plaintext of a sealed submission: one format byte, then the JSON, either as it is ({@code 2}) or
 * compressed with raw deflate ({@code 1}). A typical form is JSON of about 1 KB once its signature is written
 * as {@link org.accesscentre.core.answer.Ink}, and deflate would cost more CPU than the rest of the submit
 * path to save a few hundred bytes; a form of long answers compresses well and is deflated, because
 * ciphertext does not compress and the links are metered. The answers are never mixed with anything an
 * attacker chooses, so the length leaks nothing useful.
 */
public final class PayloadCodec {
    static final byte FORMAT_DEFLATED_JSON = 1;
    static final byte FORMAT_JSON = 2;
    /** JSON longer than this is deflated. */
    static final int DEFLATE_ABOVE = 4096;
    /** The most an opened payload may inflate to: a form of 100 long answers and a signature fits easily. */
    public static final int MAX_PLAINTEXT = 1 << 20;
    /** The JSON's own format: 2 writes signatures as ink; 1, from kiosks before it, as lists of strokes. */
    private static final int JSON_FORMAT = 2;

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final ByteArrayOutputStream json = new ByteArrayOutputStream(4096);
    private final byte[] buffer = new byte[8192];

    /** Encodes a payload; not thread-safe (it reuses its buffers and deflater). */
    public byte[] encode(String serviceId, int serviceVersion, long catalogueVersion, String locale, Answers answers) {
        json.reset();
        json.write(FORMAT_JSON);
        try (JsonGenerator out = Json.wire().getFactory().createGenerator(json)) {
            out.writeStartObject();
            out.writeNumberField("format", JSON_FORMAT);
            out.writeStringField("service", serviceId);
            out.writeNumberField("serviceVersion", serviceVersion);
            out.writeNumberField("catalogueVersion", catalogueVersion);
            out.writeStringField("locale", locale);
            out.writeFieldName("answers");
            AnswerCodec.write(answers, out);
            if (!answers.enteredByOthers().isEmpty()) {
                out.writeObjectFieldStart("enteredBy");
                for (var e : answers.enteredByOthers().entrySet()) {
                    out.writeStringField(e.getKey(), e.getValue());
                }
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        byte[] plain = json.toByteArray();
        if (plain.length - 1 <= DEFLATE_ABOVE) {
            return plain;
        }
        deflater.reset();
        deflater.setInput(plain, 1, plain.length - 1);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.size() / 2 + 16);
        out.write(FORMAT_DEFLATED_JSON);
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Decodes an opened payload, refusing anything malformed or inflating past {@link #MAX_PLAINTEXT}. */
    public static Payload decode(byte[] bytes) throws JsonInputException {
        String source = "payload";
        if (bytes.length < 2 || (bytes[0] != FORMAT_DEFLATED_JSON && bytes[0] != FORMAT_JSON)) {
            throw new JsonInputException(source, "", "unknown payload format");
        }
        if (bytes.length - 1 > MAX_PLAINTEXT) {
            throw new JsonInputException(source, "", "longer than " + MAX_PLAINTEXT + " bytes");
        }
        InputStream plain = bytes[0] == FORMAT_JSON
                ? new ByteArrayInputStream(bytes, 1, bytes.length - 1)
                : new ByteArrayInputStream(inflate(bytes, source));
        JsonNode tree = Json.readTree(plain, source, JsonLimits.SUBMISSION);
        Node root = Node.root(tree, source, false);
        root.integer("format", 1, JSON_FORMAT);
        Map<String, String> enteredBy = new LinkedHashMap<>();
        if (root.has("enteredBy")) {
            for (Map.Entry<String, Node> e :
                    root.required("enteredBy").entries(200).entrySet()) {
                enteredBy.put(e.getKey(), e.getValue().asText(100));
            }
        }
        JsonNode answers = root.required("answers").json();
        if (!(answers instanceof ObjectNode object)) {
            throw new JsonInputException(source, "answers", "must be an object");
        }
        AnswerCodec.BadInk bad = AnswerCodec.inkToStrokes(object);
        if (bad != null) {
            throw new JsonInputException(source, "answers." + bad.id() + ".ink", bad.problem());
        }
        return new Payload(
                root.required("service").asText(64),
                root.required("serviceVersion").asInt(1, Integer.MAX_VALUE),
                root.integer("catalogueVersion", 0, Long.MAX_VALUE),
                root.required("locale").asText(20),
                answers,
                enteredBy);
    }

    private static byte[] inflate(byte[] bytes, String source) throws JsonInputException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, 1, bytes.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new JsonInputException(source, "", "the compressed payload is truncated");
                }
                if (out.size() + n > MAX_PLAINTEXT) {
                    throw new JsonInputException(source, "", "inflates to more than " + MAX_PLAINTEXT + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new JsonInputException(source, "", "the compressed payload is corrupt");
        } finally {
            inflater.end();
        }
    }
}
