package org.accesscentre.portal.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.accesscentre.portal.events.DeviceEvents;
import org.jspecify.annotations.Nullable;

/** The query of {@code GET /api/v1/admin/events}, each parameter checked, each refusal naming it. */
final class EventParams {
    /** A kind ({@code session.ended}), or a prefix of whole words ending in a dot ({@code payment.}). */
    private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,30}(\\.[a-z][a-z_]{0,30}){0,3}\\.?");

    private static final int DEFAULT_LIMIT = 100;

    private EventParams() {}

    static DeviceEvents.Query query(Context ctx) {
        return new DeviceEvents.Query(device(ctx), kind(ctx), since(ctx), limit(ctx));
    }

    private static @Nullable String device(Context ctx) {
        String value = ctx.queryParam("device");
        if (value != null && !value.matches("dev_[a-z0-9]{12}")) {
            throw invalid("device is a device id, dev_ and 12 lower-case letters or digits");
        }
        return value;
    }

    private static @Nullable String kind(Context ctx) {
        String value = ctx.queryParam("kind");
        if (value == null) {
            return null;
        }
        if (!KIND.matcher(value).matches()) {
            throw invalid("kind is dotted lower-case words (session.ended) or a prefix ending in a dot (payment.)");
        }
        // One word names the kinds under it: "payment" is "payment.".
        return value.contains(".") ? value : value + ".";
    }

    private static @Nullable Instant since(Context ctx) {
        String value = ctx.queryParam("since");
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("since is a time in UTC written like 2026-11-22T14:00:00Z");
        }
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!value.matches("[0-9]{1,3}")
                || Integer.parseInt(value) < 1
                || Integer.parseInt(value) > DeviceEvents.MAX_LIST) {
            throw invalid("limit is a whole number from 1 to " + DeviceEvents.MAX_LIST);
        }
        return Integer.parseInt(value);
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("invalid_parameter", message);
    }
}
