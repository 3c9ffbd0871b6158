package org.accesscentre.app.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.accesscentre.device.config.OpeningHours;
import org.accesscentre.device.config.SessionPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One citizen's timed turn at the kiosk, as an attendant starts it: the limit from the configuration, the
 * warnings before the end, extensions, and the centre's closing time, which ends any session that would run
 * past it. Pure time arithmetic on instants the caller passes, so tests move a clock and call {@link #tick}.
 */
public final class TimedSession {
    /** Why a session ended. */
    public enum EndReason {
        TIME_UP,
        CLOSING,
        ENDED_BY_ATTENDANT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a tick found: nothing new, a warning to show, or the end. */
    public sealed interface Tick {
        record Quiet() implements Tick {}

        /** {@code left} remains; {@code closing} when the end is the centre's closing time. */
        record Warning(Duration left, boolean closing) implements Tick {}

        record Ended(EndReason reason) implements Tick {}

        Tick QUIET = new Quiet();
    }

    private final SessionPolicy policy;
    private final OpeningHours hours;
    private final ZoneId zone;
    private final String id = UUID.randomUUID().toString();
    private final @Nullable String ticket;
    private final String startedBy;
    private final Instant started;
    private final List<Duration> warned = new ArrayList<>();
    private Instant ends;
    private boolean endsAtClosing;
    private boolean over;

    private TimedSession(
            SessionPolicy policy, OpeningHours hours, ZoneId zone, @Nullable String ticket, String by, Instant now) {
        this.policy = policy;
        this.hours = hours;
        this.zone = zone;
        this.ticket = ticket;
        this.startedBy = by;
        this.started = now;
        this.ends = now;
        setEnd(now.plus(policy.limit()), now);
    }

    /**
     * Starts a session at {@code now}.
     *
     * @throws IllegalStateException when the centre is closed at {@code now}
     */
    public static TimedSession start(
            SessionPolicy policy, OpeningHours hours, ZoneId zone, @Nullable String ticket, String by, Instant now) {
        if (!hours.isOpenAt(LocalDateTime.ofInstant(now, zone))) {
            throw new IllegalStateException("the centre is closed now; sessions start in opening hours");
        }
        return new TimedSession(policy, hours, zone, ticket, by, now);
    }

    /** The centre's closing time on the day of {@code now}, if it has one and it is still ahead. */
    static Optional<Instant> closingAfter(OpeningHours hours, ZoneId zone, Instant now) {
        if (!hours.restricted()) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        return hours.on(local.getDayOfWeek())
                .map(h -> local.toLocalDate().atTime(h.close()).atZone(zone).toInstant())
                .filter(now::isBefore);
    }

    private void setEnd(Instant wanted, Instant now) {
        Optional<Instant> closing = closingAfter(hours, zone, now);
        endsAtClosing = closing.isPresent() && !closing.get().isAfter(wanted);
        ends = endsAtClosing ? closing.get() : wanted;
        warned.removeIf(w -> Duration.between(now, ends).compareTo(w) > 0); // warn again before the new end
    }

    /** Adds {@code more} time, never past closing time. Returns the new end. */
    public Instant extend(Duration more, Instant now) {
        setEnd(ends.plus(more), now);
        return ends;
    }

    /** Checks the time: a warning once per warning step, and the end once. */
    public Tick tick(Instant now) {
        if (over) {
            return Tick.QUIET;
        }
        Duration left = left(now);
        if (left.isZero()) {
            over = true;
            return new Tick.Ended(endsAtClosing ? EndReason.CLOSING : EndReason.TIME_UP);
        }
        for (Duration w : policy.warnings()) {
            if (left.compareTo(w) <= 0 && !warned.contains(w)) {
                // Passing several steps at once (the kiosk slept) gives one warning, the nearest.
                policy.warnings().stream().filter(x -> left.compareTo(x) <= 0).forEach(warned::add);
                return new Tick.Warning(left, endsAtClosing);
            }
        }
        return Tick.QUIET;
    }

    /** Ends it early, as an attendant does. */
    public void end() {
        over = true;
    }

    public Duration left(Instant now) {
        Duration left = Duration.between(now, ends);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public String id() {
        return id;
    }

    public @Nullable String ticket() {
        return ticket;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant started() {
        return started;
    }

    public Instant ends() {
        return ends;
    }

    public boolean endsAtClosing() {
        return endsAtClosing;
    }

    public boolean over() {
        return over;
    }
}
