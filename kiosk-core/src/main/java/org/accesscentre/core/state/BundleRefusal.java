package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** A bundle the device refused, reported in the heartbeat; the one in force stays. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BundleRefusal(String kind, long version, String reason, Instant at) {}
