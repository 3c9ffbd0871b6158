package org.accesscentre.app.desk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.config.Attendant;
import org.accesscentre.device.pin.PinHasher;
import org.jspecify.annotations.Nullable;

/**
 * The attendant's PIN check. Failures are counted for the kiosk, not per attendant, so cycling through the
 * names gains nothing; after {@value #FREE_TRIES} in a row every further failure locks the PIN entry for
 * longer: 30 s, then 1, 2, 4 minutes and so on up to 15. The count lives in the store, so restarting the app
 * does not reset it. A right PIN clears it.
 */
public final class PinGate {
    public static final int FREE_TRIES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);
    static final DeviceState.Key<Failures> FAILURES = new DeviceState.Key<>("attendant.pin_failures", Failures.class);

    private final LocalStore store;

    public PinGate(LocalStore store) {
        this.store = store;
    }

    /** Failed PINs in a row, and until when PIN entry is locked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Failures(int count, @Nullable Instant lockedUntil) {
        static final Failures NONE = new Failures(0, null);
    }

    /** What a PIN attempt came to. */
    public sealed interface Outcome {
        record Granted(Attendant attendant) implements Outcome {}

        /** Wrong; {@code triesLeft} more before the lockout starts (0 once it has). */
        record Refused(int triesLeft, @Nullable Instant lockedUntil) implements Outcome {}

        /** Not checked at all: PIN entry is locked until then. */
        record LockedOut(Instant until) implements Outcome {}
    }

    /** Until when PIN entry is locked, if it is at {@code now}. */
    public @Nullable Instant lockedUntil(Instant now) throws StoreException {
        Failures f = failures();
        return f.lockedUntil() != null && now.isBefore(f.lockedUntil()) ? f.lockedUntil() : null;
    }

    /**
     * Checks {@code pin} for {@code attendant} and clears it from memory. Slow on purpose (PBKDF2): call it off
     * the UI thread.
     */
    public Outcome check(Attendant attendant, char[] pin, Instant now) throws StoreException {
        try {
            Instant locked = lockedUntil(now);
            if (locked != null) {
                return new Outcome.LockedOut(locked);
            }
            if (PinHasher.verify(pin, attendant.pinHash())) {
                DeviceState.write(store, FAILURES, Failures.NONE, now);
                return new Outcome.Granted(attendant);
            }
            int count = failures().count() + 1;
            Instant until = count < FREE_TRIES ? null : now.plus(lockout(count));
            DeviceState.write(store, FAILURES, new Failures(count, until), now);
            return new Outcome.Refused(Math.max(0, FREE_TRIES - count), until);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The lockout after the {@code count}th failure in a row (the fifth and later). */
    static Duration lockout(int count) {
        int doublings = Math.min(count - FREE_TRIES, 10);
        Duration d = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : d;
    }

    private Failures failures() throws StoreException {
        return DeviceState.read(store, FAILURES).orElse(Failures.NONE);
    }
}
