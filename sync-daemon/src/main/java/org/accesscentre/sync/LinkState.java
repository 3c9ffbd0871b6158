package org.accesscentre.sync;

import java.time.Duration;
import java.time.Instant;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.sync.net.Backoff;
import org.accesscentre.sync.net.Failure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon knows of the link: whether the portal answered last time, when to try again after a
 * failure (full jitter, and never before what {@code Retry-After} said), and the status the app and
 * attendants read from the store.
 */
public final class LinkState {
    private static final Logger LOG = LoggerFactory.getLogger(LinkState.class);

    private final LocalStore store;
    private final Backoff backoff;
    private int failures;
    private boolean online;
    private String reason = "not yet in contact with the portal";
    private @Nullable Instant lastContact;
    private @Nullable String lastError;
    private Instant retryAt = Instant.EPOCH;
    private boolean revoked;

    LinkState(LocalStore store, Backoff backoff) {
        this.store = store;
        this.backoff = backoff;
    }

    /** The portal answered as it should. */
    void succeeded(Instant now) {
        if (!online) {
            LOG.info("in contact with the portal");
        }
        failures = 0;
        online = true;
        revoked = false;
        reason = "in contact with the portal";
        lastContact = now;
        retryAt = Instant.EPOCH;
    }

    /** The exchange failed; returns when to try again. */
    Instant failed(Failure failure, Instant now) {
        lastError = failure.reason();
        if (failure.kind() == Failure.Kind.REVOKED) {
            revoked = true;
            online = false;
            reason = failure.reason();
            retryAt = now.plus(Duration.ofHours(1));
            return retryAt;
        }
        if (!failure.linkDown()) {
            // The link works; the portal refused one thing. Nothing to wait for.
            return now;
        }
        failures++;
        if (online) {
            LOG.warn("lost contact with the portal: {}", failure.reason());
        }
        online = false;
        reason = failure.reason();
        // Never before Retry-After; and never sooner than the backoff, or "Retry-After: 0" from a load
        // balancer, over and over, would have the whole fleet calling as fast as the link allows.
        Duration wait = backoff.delay(failures);
        Duration asked = failure.retryAfter();
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked;
        }
        retryAt = now.plus(wait);
        return retryAt;
    }

    void error(String message) {
        lastError = message;
    }

    boolean mayCall(Instant now) {
        return !now.isBefore(retryAt);
    }

    Instant retryAt() {
        return retryAt;
    }

    boolean revoked() {
        return revoked;
    }

    @Nullable
    public String lastError() {
        return lastError;
    }

    /** Writes the status for the app and the attendant; {@code nextAttempt} is when anything is due next. */
    void publish(Instant now, @Nullable Instant nextAttempt) throws StoreException {
        DeviceState.write(
                store,
                DeviceState.SYNC,
                new SyncStatus(online, reason, lastContact, lastError, online ? null : nextAttempt, now),
                now);
    }
}
