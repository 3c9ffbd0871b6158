package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The portal's reply to a heartbeat: when to call again, which catalogue and configuration versions are
 * current for this device (fetched when newer than what it has), and commands to carry out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeartbeatReply(
        int nextPollSeconds, long catalogueVersion, long configVersion, List<Command> commands, Instant portalTime) {
    public HeartbeatReply {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}
