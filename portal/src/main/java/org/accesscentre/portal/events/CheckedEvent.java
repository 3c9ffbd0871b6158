package org.accesscentre.portal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.wire.DeviceEvent;
import org.accesscentre.portal.http.ApiException;

/**
 * One event of a batch, checked for shape, with its body as the text the portal stores and compares: a
 * resend of the same event writes the same text. A malformed event refuses the whole batch (a kiosk bug).
 */
record CheckedEvent(int index, UUID id, long sequence, String kind, Instant kioskTime, String body) {
    /** The kiosk's own limit on a body ({@link Journal#MAX_BODY_CHARS}); the portal holds it to the same. */
    static final int MAX_BODY_CHARS = Journal.MAX_BODY_CHARS;

    /** A journal body is a flat record of a few fields; anything deeper than this is not one. */
    static final int MAX_BODY_DEPTH = 6;

    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    static CheckedEvent of(DeviceEvent event, int index) {
        String at = "events[" + index + "]";
        require(event != null, index, at + " is null");
        require(event.id() != null, index, at + ".id is required, a UUID");
        require(event.sequence() > 0, index, at + ".sequence must be a positive whole number");
        require(event.kind() != null, index, at + ".kind is required");
        require(
                Journal.KIND.matcher(event.kind()).matches(),
                index,
                at + ".kind must be dotted lower-case words, such as session.ended");
        // Any kiosk clock is believed here, but a time past epoch milliseconds is no clock's reading.
        require(
                event.kioskTime() != null
                        && !event.kioskTime().isBefore(EARLIEST)
                        && !event.kioskTime().isAfter(LATEST),
                index,
                at + ".kioskTime is required, as a time in epoch milliseconds");
        JsonNode body = event.body();
        require(body != null && body.isObject(), index, at + ".body must be a JSON object");
        require(depth(body) <= MAX_BODY_DEPTH, index, at + ".body is nested deeper than " + MAX_BODY_DEPTH + " levels");
        String text = text(body);
        require(
                text.length() <= MAX_BODY_CHARS,
                index,
                at + ".body is " + text.length() + " characters; the limit is " + MAX_BODY_CHARS);
        return new CheckedEvent(index, event.id(), event.sequence(), event.kind(), event.kioskTime(), text);
    }

    private static void require(boolean ok, int index, String message) {
        if (!ok) {
            throw ApiException.badRequest("invalid_event", message, Map.of("index", index));
        }
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }

    private static String text(JsonNode body) {
        try {
            return Json.wire().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written", e);
        }
    }

    /** Whether a stored row holds this very event. */
    boolean sameAs(long storedSequence, String storedKind, long storedKioskTime, String storedBody) {
        return sequence == storedSequence
                && kind.equals(storedKind)
                && kioskTime.toEpochMilli() == storedKioskTime
                && body.equals(storedBody);
    }
}
