package org.accesscentre.app.desk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.jspecify.annotations.Nullable;

/**
 * The centre's walk-in queue on this kiosk: numbered tickets (A-001, A-002, … from 1 each day), the ticket
 * being served, and the tickets skipped because their holder was not there, which can be called back. Kept
 * in the store, so a restart of the app keeps the queue.
 */
public final class WalkInQueue {
    static final DeviceState.Key<State> STATE = new DeviceState.Key<>("queue", State.class);
    public static final int MAX_TICKETS_A_DAY = 999;

    private final LocalStore store;

    public WalkInQueue(LocalStore store) {
        this.store = store;
    }

    /** The queue as stored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record State(
            LocalDate day, int issued, @Nullable Integer serving, List<Integer> waiting, List<Integer> skipped) {
        public State {
            waiting = waiting == null ? List.of() : List.copyOf(waiting);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        static State empty(LocalDate day) {
            return new State(day, 0, null, List.of(), List.of());
        }
    }

    public static String label(int number) {
        return String.format(Locale.ROOT, "A-%03d", number);
    }

    /** Today's queue; yesterday's is gone. */
    public State state(LocalDate today) throws StoreException {
        return DeviceState.read(store, STATE).filter(s -> s.day().equals(today)).orElse(State.empty(today));
    }

    /** The ticket being served, as the welcome screen shows it. */
    public Optional<String> nowServing(LocalDate today) throws StoreException {
        return Optional.ofNullable(state(today).serving()).map(WalkInQueue::label);
    }

    /**
     * A new ticket at the end of the queue.
     *
     * @throws IllegalStateException after {@value #MAX_TICKETS_A_DAY} tickets in a day
     */
    public int issue(LocalDate today, java.time.Instant now) throws StoreException {
        State s = state(today);
        if (s.issued() >= MAX_TICKETS_A_DAY) {
            throw new IllegalStateException("the queue has issued " + MAX_TICKETS_A_DAY + " tickets today");
        }
        int number = s.issued() + 1;
        save(new State(today, number, s.serving(), append(s.waiting(), number), s.skipped()), now);
        return number;
    }

    /** The next waiting ticket is served; empty when nobody waits (the one served stays done). */
    public Optional<Integer> callNext(LocalDate today, java.time.Instant now) throws StoreException {
        State s = state(today);
        if (s.waiting().isEmpty()) {
            save(new State(today, s.issued(), null, s.waiting(), s.skipped()), now);
            return Optional.empty();
        }
        int next = s.waiting().getFirst();
        save(
                new State(
                        today,
                        s.issued(),
                        next,
                        s.waiting().subList(1, s.waiting().size()),
                        s.skipped()),
                now);
        return Optional.of(next);
    }

    /** The ticket being served was not there: it is set aside and the next is called. */
    public Optional<Integer> skip(LocalDate today, java.time.Instant now) throws StoreException {
        State s = state(today);
        if (s.serving() == null) {
            return callNext(today, now);
        }
        save(new State(today, s.issued(), null, s.waiting(), append(s.skipped(), s.serving())), now);
        return callNext(today, now);
    }

    /** A skipped ticket's holder came back: it is served now. */
    public void recall(int number, LocalDate today, java.time.Instant now) throws StoreException {
        State s = state(today);
        if (!s.skipped().contains(number)) {
            throw new IllegalArgumentException("ticket " + label(number) + " was not skipped today");
        }
        List<Integer> skipped = new ArrayList<>(s.skipped());
        skipped.remove(Integer.valueOf(number));
        List<Integer> waiting = s.serving() == null ? s.waiting() : prepend(s.waiting(), s.serving());
        save(new State(today, s.issued(), number, waiting, skipped), now);
    }

    private void save(State s, java.time.Instant now) throws StoreException {
        DeviceState.write(store, STATE, s, now);
    }

    private static List<Integer> append(List<Integer> list, int n) {
        List<Integer> out = new ArrayList<>(list);
        out.add(n);
        return out;
    }

    private static List<Integer> prepend(List<Integer> list, int n) {
        List<Integer> out = new ArrayList<>(list);
        out.addFirst(n);
        return out;
    }
}
