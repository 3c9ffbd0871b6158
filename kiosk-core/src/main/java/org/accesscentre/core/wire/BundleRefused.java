package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * In a heartbeat: a bundle the device refused (the daemon when verifying it, or the app when applying it),
 * newer than the one it runs. A rollout counts the device as failed with this reason.
 *
 * @param rolledBack true when the device had switched to it and went back to the previous one (a release that
 *     failed its health check); a rollout counts that device as rolled back rather than failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleRefused(
        String kind,
        long version,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rolledBack) {
    public BundleRefused(String kind, long version, String reason) {
        this(kind, version, reason, false);
    }
}
