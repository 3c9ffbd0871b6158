package org.accesscentre.device.config;

import java.time.Duration;
import java.util.List;

/**
 * The time limit on one citizen's session, which an attendant sets so the queue keeps moving.
 *
 * @param limit the length of a session
 * @param warnings how long before the end the citizen is warned, longest first
 */
public record SessionPolicy(Duration limit, List<Duration> warnings) {
    public static final SessionPolicy DEFAULT =
            new SessionPolicy(Duration.ofMinutes(30), List.of(Duration.ofMinutes(5), Duration.ofMinutes(1)));

    public SessionPolicy {
        warnings = List.copyOf(warnings);
    }
}
