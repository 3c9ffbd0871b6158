package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The portal's reply to a heartbeat: when to call again, which catalogue and configuration versions are
 * current for this device (fetched when newer than what it has), commands to carry out, and the status feed's
 * newest cursor for this device (the feed is pulled only when it differs from the device's own; a portal that
 * does not send it leaves the device to pull every interval), and a software release when a rollout offers one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeartbeatReply(
        int nextPollSeconds,
        long catalogueVersion,
        long configVersion,
        List<Command> commands,
        Instant portalTime,
        @Nullable String statusCursor,
        @Nullable ReleaseOffered release) {
    public HeartbeatReply {
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** A reply that offers no release, as most do. */
    public HeartbeatReply(
            int nextPollSeconds,
            long catalogueVersion,
            long configVersion,
            List<Command> commands,
            Instant portalTime,
            @Nullable String statusCursor) {
        this(nextPollSeconds, catalogueVersion, configVersion, commands, portalTime, statusCursor, null);
    }
}
