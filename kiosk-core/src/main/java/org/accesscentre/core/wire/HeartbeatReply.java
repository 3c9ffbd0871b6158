package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The portal's reply to a heartbeat: when to call again, which catalogue and configuration versions are
 * current for this device (fetched when newer than what it has), commands to carry out, and the status feed's
 * newest cursor for this device (the feed is pulled only when it differs from the device's own; a portal that
 * does not send it leaves the device to pull every interval).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeartbeatReply(
        int nextPollSeconds,
        long catalogueVersion,
        long configVersion,
        List<Command> commands,
        Instant portalTime,
        @Nullable String statusCursor) {
    public HeartbeatReply {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }
}
