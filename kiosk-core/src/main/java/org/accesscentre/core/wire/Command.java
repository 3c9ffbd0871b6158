package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A command from the ICT office for one device, delivered in a heartbeat reply and confirmed by id.
 *
 * @param type lock, unlock, sync_now or wipe; a kiosk confirms an unknown type as not done
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Command(String id, String type, Map<String, String> args) {
    public Command {
        args = args == null ? Map.of() : Map.copyOf(args);
    }
}
