package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * An attendant's "sync now", written by the app: the daemon runs a whole round (drain, journal, statuses,
 * heartbeat) when it sees a request other than the last one it served.
 *
 * @param at the kiosk's clock when it was asked
 * @param by who asked, such as an attendant's id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncRequest(Instant at, String by) {}
