package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The daemon's request that the app restart, to run the release {@code current} names now: written when a
 * release was switched or rolled back, on a kiosk whose services restart on exit (the demo's loop, or systemd
 * with {@code Restart=always}). An app started before {@code at} that reads it exits with the restart code while
 * idle.
 *
 * @param release the release the restarted app should run
 * @param reason in words, for the log
 * @param at by the kiosk's clock
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestartRequest(long release, String reason, Instant at) {
    public static final DeviceState.Key<RestartRequest> KEY =
            new DeviceState.Key<>("app.restart", RestartRequest.class);
}
