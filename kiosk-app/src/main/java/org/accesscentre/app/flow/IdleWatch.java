package org.accesscentre.app.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.accesscentre.device.config.IdlePolicy;

/**
 * Watches for a citizen who walked away. From the last touch, after {@code timeout - warning} it asks "Are
 * you still there?" with a countdown (at least 20 s, WCAG 2.2.1); at {@code timeout} it wipes the session. It
 * reads an injected clock and is ticked by the view once a second, so tests need no waiting.
 */
public final class IdleWatch {
    private final Clock clock;
    private IdlePolicy policy;
    private final Runnable onExpired;
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(this, "warning");
    private final ReadOnlyIntegerWrapper secondsLeft = new ReadOnlyIntegerWrapper(this, "secondsLeft");
    private Instant lastTouch;
    private boolean watching;

    public IdleWatch(Clock clock, IdlePolicy policy, Runnable onExpired) {
        this.clock = clock;
        this.policy = policy;
        this.onExpired = onExpired;
        this.lastTouch = clock.instant();
    }

    /** New idle times from a configuration applied between sessions; they count from the next touch. */
    public void policy(IdlePolicy policy) {
        this.policy = policy;
    }

    /** A session is under way (true) or the welcome screen waits for the next person (false). */
    public void watch(boolean on) {
        watching = on;
        touched();
    }

    /** Any touch, key or button: the person is there. */
    public void touched() {
        lastTouch = clock.instant();
        warning.set(false);
    }

    /** "I need more time". */
    public void moreTime() {
        touched();
    }

    /** Called about once a second by the view's timeline (and by tests after moving the clock). */
    public void tick() {
        if (!watching) {
            return;
        }
        Duration idle = Duration.between(lastTouch, clock.instant());
        if (idle.compareTo(policy.timeout()) >= 0) {
            warning.set(false);
            watching = false;
            onExpired.run();
            return;
        }
        Duration left = policy.timeout().minus(idle);
        if (left.compareTo(policy.warning()) <= 0) {
            secondsLeft.set((int) Math.ceilDiv(left.toMillis(), 1000));
            warning.set(true);
        }
    }

    public ReadOnlyBooleanProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public int totalWarningSeconds() {
        return (int) policy.warning().toSeconds();
    }

    public boolean watching() {
        return watching;
    }
}
