package org.accesscentre.sync.net;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Why an exchange with the portal did not succeed, and what the daemon does about it.
 *
 * @param reason in words, for the attendant's panel and the heartbeat's last error
 * @param retryAfter how long the portal asked us to wait, when it said
 * @param status the HTTP status, or 0 when there was no response
 * @param code the portal's error code, when it sent one
 */
public record Failure(
        Kind kind,
        String reason,
        @Nullable Duration retryAfter,
        int status,
        @Nullable String code) {

    public enum Kind {
        /** No answer: no connection, a timeout, a reset, a TLS failure. Back off and try again. */
        OFFLINE,
        /** An answer that is not the portal's: a login page or a redirect. Offline, as far as we are concerned. */
        CAPTIVE,
        /** Our token is unknown or expired: authenticate again, once, then retry. */
        UNAUTHORIZED,
        /** The ICT office revoked this kiosk: stop calling, tell the attendant. */
        REVOKED,
        /** The portal asked us to wait (429, 503): not a moment less than it said (up to an hour). */
        RATE_LIMITED,
        /** The portal's own trouble (5xx): back off and resend, which is always harmless. */
        SERVER,
        /** What we sent is too large: send less at a time. */
        TOO_LARGE,
        /** Any other 4xx: what we sent is wrong, and sending it again will not help. Final for the item. */
        REFUSED
    }

    public static Failure offline(String reason) {
        return new Failure(Kind.OFFLINE, reason, null, 0, null);
    }

    /** Whether the link itself is in trouble, rather than one request. */
    public boolean linkDown() {
        return kind == Kind.OFFLINE || kind == Kind.CAPTIVE || kind == Kind.SERVER || kind == Kind.RATE_LIMITED;
    }
}
