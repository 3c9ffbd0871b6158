package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Whether the kiosk app is in use, as it last wrote: the daemon installs a release, or anything that restarts
 * the app, only while it is idle, as hawkBit waits for a device's confirmation.
 *
 * @param idle nobody is using the kiosk: the welcome screen, no timed session, attendant mode closed
 * @param what in words, what keeps it busy ("a citizen's form", "a timed session", "attendant mode"), or ""
 * @param since when it became what it is, by the kiosk's clock
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppActivity(boolean idle, String what, Instant since) {
    public static final DeviceState.Key<AppActivity> KEY = new DeviceState.Key<>("app.activity", AppActivity.class);
}
