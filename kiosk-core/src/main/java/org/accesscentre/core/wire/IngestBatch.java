package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A batch of sealed submissions, POSTed gzip-compressed by the sync daemon. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestBatch(List<IngestItem> items) {
    public IngestBatch {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
