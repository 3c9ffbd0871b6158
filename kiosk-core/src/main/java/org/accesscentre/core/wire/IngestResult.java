package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The portal's answer to a batch: one result per item, in the batch's order, and the portal's clock, from
 * which the kiosk reports its own clock's offset.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestResult(List<ItemResult> results, Instant portalTime) {
    public IngestResult {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
