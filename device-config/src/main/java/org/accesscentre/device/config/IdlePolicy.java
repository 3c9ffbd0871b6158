package org.accesscentre.device.config;

import java.time.Duration;

/**
 * How long an untouched screen waits before it asks "are you still there?", and how long the question stays
 * before the session is wiped.
 *
 * @param timeout from the last touch to the wipe
 * @param warning how long before the wipe the question appears; at least 20 seconds, which WCAG 2.2.1 gives a
 *     person to answer
 */
public record IdlePolicy(Duration timeout, Duration warning) {
    public static final IdlePolicy DEFAULT = new IdlePolicy(Duration.ofSeconds(90), Duration.ofSeconds(30));

    public IdlePolicy {
        if (warning.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("the idle warning must come before the timeout");
        }
    }
}
