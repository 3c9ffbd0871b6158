package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A bundle the device refused, reported in the heartbeat; the one in force stays.
 *
 * @param rolledBack the device had switched to it and went back (a release that failed its health check)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleRefusal(String kind, long version, String reason, Instant at, boolean rolledBack) {
    public BundleRefusal(String kind, long version, String reason, Instant at) {
        this(kind, version, reason, at, false);
    }
}
