package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * In a heartbeat: a bundle the device refused (the daemon when verifying it, or the app when applying it),
 * newer than the one it runs. A rollout counts the device as failed with this reason.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleRefused(String kind, long version, String reason) {}
