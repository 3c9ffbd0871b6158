package org.accesscentre.sync;

import java.time.Clock;
import java.time.Instant;

/**
 * The kiosk's clock as the daemon reads it: never going back. A Pi without a real-time clock starts in
 * 1970 or at its last shutdown and jumps when it finds the time; retry times written before a jump back
 * would otherwise wait for days. Only durations are ever compared with the portal.
 */
final class KioskTime {
    private final Clock clock;
    private Instant highest = Instant.EPOCH;

    KioskTime(Clock clock) {
        this.clock = clock;
    }

    synchronized Instant now() {
        Instant now = clock.instant();
        if (now.isAfter(highest)) {
            highest = now;
        }
        return highest;
    }

    /** The raw clock, for values reported as the kiosk's own (receipt times, clock offset). */
    Instant wall() {
        return clock.instant();
    }
}
