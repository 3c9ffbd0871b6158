package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * The kiosk app's word on its own start, written once per start: {@code ok} when it showed its first frame,
 * otherwise the problem that stopped it. The daemon's health check after a release switch waits for one naming
 * the new release.
 *
 * @param release the release the app runs (its slot's version, or the build's number outside a slot)
 * @param problem empty when ok
 * @param at by the kiosk's clock
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppStart(long release, boolean ok, String problem, Instant at) {
    public static final DeviceState.Key<AppStart> KEY = new DeviceState.Key<>("app.started", AppStart.class);
}
