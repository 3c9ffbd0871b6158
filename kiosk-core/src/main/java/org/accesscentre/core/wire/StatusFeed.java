package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of the status feed for one device. The kiosk stores {@code cursor} with the changes and asks from
 * there next time; {@code more} says another page is ready now.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusFeed(List<StatusChange> changes, String cursor, boolean more) {
    public StatusFeed {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
