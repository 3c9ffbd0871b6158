package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A verified bundle on disk.
 *
 * @param file where it is, under the data directory
 * @param sha256 of the bundle file, also the portal's ETag for it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StagedBundle(String kind, long version, String file, String sha256, Instant at) {}
