package org.accesscentre.app.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tells real presses from contact bounce, on the clock it is given. The rule: <b>an edge from released to
 * pressed counts as a press only when the input had been still for at least {@link #QUIET} before it</b> (no
 * edge of any kind in the last 50 ms). So the burst of edges a switch makes as it closes gives one press, the
 * burst as it opens gives none, and two presses that count are always at least 50 ms apart with a release
 * between them. A person cannot press and release a button twice within 50 ms; a bouncing contact settles
 * well within it.
 *
 * <p>Pi4J can debounce too, and the real input asks it to, but its mock provider does not, and a rule kept
 * here on an injected clock is the same on the desk, in tests and on the kiosk.
 */
final class PressDebounce {
    static final Duration QUIET = Duration.ofMillis(50);

    private final Clock clock;
    private boolean pressed;
    private @Nullable Instant lastEdge;

    PressDebounce(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes one edge of the input; true if it is a press that counts. */
    synchronized boolean edge(boolean nowPressed) {
        Instant now = clock.instant();
        boolean wasPressed = pressed;
        Instant previous = lastEdge;
        pressed = nowPressed;
        lastEdge = now;
        if (!nowPressed || wasPressed) {
            return false; // a release, or the same level again: never a press
        }
        return previous == null || Duration.between(previous, now).compareTo(QUIET) >= 0;
    }
}
