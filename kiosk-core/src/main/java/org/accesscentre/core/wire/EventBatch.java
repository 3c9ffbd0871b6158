package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Journal entries the sync daemon sends, oldest first. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBatch(List<DeviceEvent> events) {
    public EventBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
