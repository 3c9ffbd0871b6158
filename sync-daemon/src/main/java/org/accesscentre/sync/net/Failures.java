package org.accesscentre.sync.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.accesscentre.core.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * The network policy, as one decision table. Every way an exchange can end maps to one {@link Failure.Kind};
 * the daemon's schedule decides the waiting from there (full jitter, {@code Retry-After}), so no retry ever
 * happens in two layers.
 */
public final class Failures {
    /**
     * The longest {@code Retry-After} taken as said, the same ceiling as the portal's poll interval: a proxy's
     * "come back next year" must not park requests, which keep their retry time in the store across restarts.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private Failures() {}

    /** An exchange that produced no response at all. */
    public static Failure of(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return Failure.offline("the portal's certificate is not the one pinned in the configuration");
        }
        if (e instanceof SSLException) {
            return Failure.offline("a secure connection to the portal failed: " + e.getMessage());
        }
        if (e instanceof UnknownHostException) {
            return Failure.offline("the portal's name cannot be found (no internet?)");
        }
        if (e instanceof ConnectException) {
            return Failure.offline("no connection to the portal");
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return Failure.offline("the portal took too long to answer");
        }
        return Failure.offline("the connection to the portal broke: " + e.getMessage());
    }

    /**
     * A response that is not a success. The order matters: the first matching line decides.
     *
     * @param body at most the first few kilobytes of the response body, to read the portal's error code
     */
    public static Failure of(
            int status, @Nullable String contentType, byte[] body, @Nullable String retryAfter, @Nullable String date) {
        String code = portalErrorCode(contentType, body);
        // We never follow redirects: the portal has none, so a redirect is a hotel-style login page.
        if (status >= 300 && status < 400) {
            return new Failure(Failure.Kind.CAPTIVE, "a login page is in the way of the portal", null, status, code);
        }
        // Our token expired or the portal forgot it: authenticate again, once.
        if (status == 401) {
            return new Failure(
                    Failure.Kind.UNAUTHORIZED, "the portal asked this kiosk to sign in again", null, status, code);
        }
        // Revoked by the ICT office: nothing we send will be taken; stop and say so.
        if (status == 403 && "device_revoked".equals(code)) {
            return new Failure(Failure.Kind.REVOKED, "the ICT office has revoked this kiosk", null, status, code);
        }
        // The portal asks us to slow down or come back later: do what it says (up to an hour).
        if (status == 429 || status == 503) {
            return new Failure(
                    Failure.Kind.RATE_LIMITED,
                    "the portal asked this kiosk to wait",
                    retryAfter(retryAfter, date),
                    status,
                    code);
        }
        // Too much at once: send less.
        if (status == 413) {
            return new Failure(Failure.Kind.TOO_LARGE, "the portal found the request too large", null, status, code);
        }
        // The portal's own trouble; resending is harmless because every write is idempotent.
        if (status >= 500) {
            return new Failure(Failure.Kind.SERVER, "the portal had a problem (" + status + ")", null, status, code);
        }
        // Anything else is about what we sent: sending the same again cannot help.
        return new Failure(
                Failure.Kind.REFUSED,
                "the portal refused it (" + status + (code == null ? "" : " " + code) + ")",
                null,
                status,
                code);
    }

    /** A 2xx that is not the JSON (or bundle) the portal always sends: a captive portal or a proxy. */
    public static Failure notThePortal(int status) {
        return new Failure(
                Failure.Kind.CAPTIVE, "the answer was not from the portal (a login page?)", null, status, null);
    }

    private static @Nullable String portalErrorCode(@Nullable String contentType, byte[] body) {
        if (contentType == null || !contentType.startsWith("application/json") || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.wire().readTree(body);
            JsonNode code = node == null ? null : node.get("code");
            return code != null && code.isTextual() ? code.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * {@code Retry-After} in seconds, or as an HTTP date measured against the response's own {@code Date}
     * header, never against the kiosk's clock, which may be days off.
     */
    static @Nullable Duration retryAfter(@Nullable String value, @Nullable String date) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("[0-9]{1,9}")) {
            return atMost(Duration.ofSeconds(Long.parseLong(v)));
        }
        if (date == null) {
            return null;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            ZonedDateTime now = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : atMost(wait);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Duration atMost(Duration wait) {
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
