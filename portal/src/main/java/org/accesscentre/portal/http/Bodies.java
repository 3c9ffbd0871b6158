package org.accesscentre.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonLimits;

/**
 * Reading request bodies within limits. Sizes are checked while reading, compressed and decompressed, so
 * neither a large body nor a gzip bomb can use more memory than the limit.
 */
public final class Bodies {
    private static final ObjectMapper MAPPER = Json.mapper(JsonLimits.WIRE);
    private static final long MAX_DRAINED = 64L << 20;

    private Bodies() {}

    /** The raw body, refusing more than {@code max} bytes. */
    public static byte[] raw(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        // Left open: a refusal drains what is left of it (ErrorHandling).
        try {
            InputStream in = ctx.bodyInputStream();
            if (declared > max) {
                throw ApiException.tooLarge("the body is " + declared + " bytes; the limit is " + max);
            }
            return readAtMost(in, max, "the body");
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "the body could not be read: " + e.getMessage());
        }
    }

    /**
     * Drops what is left of the body of a request about to be refused, so the client reads the answer: a
     * server that answers and then closes on an unread body leaves the client either sending into a reset
     * connection or reusing a connection that is already gone. A body too large to drain closes the
     * connection, and says so, on HTTP/1.
     */
    static void drainBeforeRefusal(Context ctx) {
        try {
            if (drain(ctx.req().getInputStream()) > MAX_DRAINED
                    && ctx.req().getProtocol().startsWith("HTTP/1")) {
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException e) {
            // Read as text already, or the client has gone: nothing is left to drop.
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long total = 0;
        for (int n; total <= MAX_DRAINED && (n = in.read(sink)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /**
     * The body, inflated if it is sent with {@code Content-Encoding: gzip}: at most {@code maxWire} bytes
     * as sent and {@code maxInflated} bytes once inflated.
     */
    public static byte[] maybeGzip(Context ctx, long maxWire, long maxInflated) {
        byte[] wire = raw(ctx, maxWire);
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return wire;
        }
        if (!encoding.strip().equalsIgnoreCase("gzip")) {
            throw ApiException.unsupportedMediaType("Content-Encoding " + encoding + " is not supported; use gzip");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(wire), 8192)) {
            return readAtMost(in, maxInflated, "the inflated body");
        } catch (ZipException e) {
            throw ApiException.badRequest("bad_gzip", "the gzip body is corrupt: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("bad_gzip", "the gzip body could not be read: " + e.getMessage());
        }
    }

    private static byte[] readAtMost(InputStream in, long max, String what) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw ApiException.tooLarge(what + " is larger than the limit of " + max + " bytes");
        }
        return bytes;
    }

    /** Requires a JSON content type on a body-carrying request. */
    public static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType(
                    "send the body as application/json, not " + (type == null ? "nothing" : type));
        }
    }

    /** Parses JSON into a wire record, turning every Jackson refusal into a 400 that names the path. */
    public static <T> T json(byte[] body, Class<T> type) {
        return parse(() -> MAPPER.readValue(body, type));
    }

    /** A tree already parsed into a wire record, with the refusals of {@link #json(byte[], Class)}. */
    public static <T> T json(JsonNode tree, Class<T> type) {
        return parse(() -> MAPPER.treeToValue(tree, type));
    }

    @FunctionalInterface
    private interface Parse<T> {
        T run() throws IOException;
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            T value = parse.run();
            if (value == null) {
                throw ApiException.badRequest("invalid_json", "the body is empty");
            }
            return value;
        } catch (InvalidFormatException e) {
            throw ApiException.badRequest(
                    "invalid_json", path(e) + "has the wrong type or format: " + clip(String.valueOf(e.getValue())));
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest("invalid_json", path(e) + "has the wrong type");
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage());
            int nl = message.indexOf('\n');
            throw ApiException.badRequest(
                    "invalid_json",
                    path(e) + "is not valid JSON: " + clip(nl < 0 ? message : message.substring(0, nl)));
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_json", "the body could not be read");
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb + ": ";
        }
        return "";
    }

    static String clip(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
