package org.accesscentre.app.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.config.Attendant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendant's side of the kiosk: who is signed in, the timed session, help calls and the out-of-service
 * lock. Every attendant action is written to the journal, which the daemon sends to the portal. The queue and
 * the cash book are reached through {@link #queue()} and {@link #cash()}. Lives on the FX thread; only the
 * slow PIN check runs on the background executor.
 */
public final class Desk {
    private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

    private final KioskContext ctx;
    private final Journal journal;
    private DeskSettings settings;
    private final ShellViewModel shell;
    private final PinGate pins;
    private final WalkInQueue queue;
    private final CashBook cash;
    private final ReadOnlyObjectWrapper<Attendant> attendant = new ReadOnlyObjectWrapper<>(this, "attendant");
    private final ReadOnlyObjectWrapper<TimedSession> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper sessionLeft = new ReadOnlyStringWrapper(this, "sessionLeft", "");
    private final ReadOnlyObjectWrapper<TimedSession.Tick.Warning> warning =
            new ReadOnlyObjectWrapper<>(this, "warning");
    private final ReadOnlyBooleanWrapper helpRequested = new ReadOnlyBooleanWrapper(this, "helpRequested");
    private final ReadOnlyStringWrapper nowServing = new ReadOnlyStringWrapper(this, "nowServing", "");
    private @Nullable Instant helpSince;
    private final Maintenance maintenance;

    public Desk(KioskContext ctx, Journal journal, DeskSettings settings, ShellViewModel shell) {
        this.ctx = ctx;
        this.journal = journal;
        this.settings = settings;
        this.shell = shell;
        this.pins = new PinGate(ctx.store());
        this.queue = new WalkInQueue(ctx.store());
        this.cash = new CashBook(ctx, journal, this);
        this.maintenance = new Maintenance(ctx, this, shell);
        refresh();
    }

    // ----- attendant mode -----

    public List<Attendant> attendants() {
        return settings.attendants();
    }

    public ReadOnlyObjectProperty<Attendant> attendantProperty() {
        return attendant.getReadOnlyProperty();
    }

    public Optional<Attendant> attendant() {
        return Optional.ofNullable(attendant.get());
    }

    /** Until when PIN entry is locked after repeated failures, if it is now. */
    public Optional<Instant> pinLockedUntil() {
        try {
            return Optional.ofNullable(pins.lockedUntil(ctx.clock().instant()));
        } catch (StoreException e) {
            LOG.warn("cannot read the PIN failures: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Checks the PIN off the UI thread and reports back on it; a right PIN opens attendant mode. Wrong PINs and
     * lockouts are journalled too.
     */
    public void signIn(Attendant who, char[] pin, Consumer<PinGate.Outcome> then) {
        ctx.background().execute(() -> {
            PinGate.Outcome outcome;
            try {
                outcome = pins.check(who, pin, ctx.clock().instant());
            } catch (StoreException e) {
                LOG.error("cannot check the PIN: {}", e.getMessage());
                outcome = new PinGate.Outcome.Refused(0, null);
            }
            PinGate.Outcome result = outcome;
            ctx.ui().execute(() -> {
                switch (result) {
                    case PinGate.Outcome.Granted g -> {
                        attendant.set(g.attendant());
                        record("attendant.signed_in", body());
                    }
                    case PinGate.Outcome.Refused r ->
                        record(
                                "attendant.pin_refused",
                                body().put("tried", who.id())
                                        .put("triesLeft", r.triesLeft())
                                        .put(
                                                "lockedUntil",
                                                r.lockedUntil() == null
                                                        ? null
                                                        : r.lockedUntil().toString()));
                    case PinGate.Outcome.LockedOut l -> {}
                }
                then.accept(result);
            });
        });
    }

    public void signOut() {
        if (attendant.get() != null) {
            record("attendant.signed_out", body());
            attendant.set(null);
        }
    }

    // ----- timed sessions -----

    public ReadOnlyObjectProperty<TimedSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** "12:34" left in the session, or "" when none runs. */
    public ReadOnlyStringProperty sessionLeftProperty() {
        return sessionLeft.getReadOnlyProperty();
    }

    /** The warning on screen now, or null. */
    public ReadOnlyObjectProperty<TimedSession.Tick.Warning> warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public void dismissWarning() {
        warning.set(null);
    }

    /**
     * Starts a session for the next citizen, ending any still running.
     *
     * @throws IllegalStateException when the centre is closed
     */
    public void startSession(@Nullable String ticket) {
        Instant now = ctx.clock().instant();
        if (session.get() != null) {
            endSession(TimedSession.EndReason.ENDED_BY_ATTENDANT);
        }
        TimedSession s =
                TimedSession.start(settings.sessions(), settings.hours(), ctx.zone(), ticket, attendantId(), now);
        session.set(s);
        record(
                "session.started",
                body().put("session", s.id())
                        .put("ticket", ticket)
                        .put("limitSeconds", s.left(now).toSeconds())
                        .put("endsAtClosing", s.endsAtClosing()));
        tickSession(now);
    }

    public void extendSession(Duration more) {
        TimedSession s = session.get();
        if (s == null) {
            return;
        }
        Instant now = ctx.clock().instant();
        Instant ends = s.extend(more, now);
        warning.set(null);
        record(
                "session.extended",
                body().put("session", s.id()).put("bySeconds", more.toSeconds()).put("ends", ends.toString()));
        tickSession(now);
    }

    public void endSession() {
        endSession(TimedSession.EndReason.ENDED_BY_ATTENDANT);
    }

    private void endSession(TimedSession.EndReason reason) {
        TimedSession s = session.get();
        if (s == null) {
            return;
        }
        Instant now = ctx.clock().instant();
        s.end();
        session.set(null);
        warning.set(null);
        sessionLeft.set("");
        record(
                "session.ended",
                body().put("session", s.id())
                        .put("ticket", s.ticket())
                        .put("reason", reason.wire())
                        .put("seconds", Duration.between(s.started(), now).toSeconds())
                        .put("startedBy", s.startedBy()));
        shell.finish(); // the next person starts with nothing of this one's
    }

    /** Called once a second by the view, and by tests after moving the clock. */
    public void tick() {
        Instant now = ctx.clock().instant();
        tickSession(now);
        if (ctx.clock().millis() / 1000 % 5 == 0) {
            refresh();
        }
    }

    private void tickSession(Instant now) {
        TimedSession s = session.get();
        if (s == null) {
            return;
        }
        switch (s.tick(now)) {
            case TimedSession.Tick.Warning w -> warning.set(w);
            case TimedSession.Tick.Ended e -> endSession(e.reason());
            case TimedSession.Tick.Quiet q -> {}
        }
        if (session.get() != null) {
            long seconds = s.left(now).toSeconds();
            sessionLeft.set(String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60));
        }
    }

    // ----- help -----

    public ReadOnlyBooleanProperty helpRequestedProperty() {
        return helpRequested.getReadOnlyProperty();
    }

    public Optional<Instant> helpSince() {
        return Optional.ofNullable(helpSince);
    }

    /** A citizen asked for the attendant, on screen or with the button; asking again while waiting adds nothing. */
    public void requestHelp(String source) {
        if (helpRequested.get()) {
            return;
        }
        helpSince = ctx.clock().instant();
        helpRequested.set(true);
        record("help.requested", body().put("source", source));
    }

    /** The attendant came. */
    public void answerHelp() {
        if (!helpRequested.get()) {
            return;
        }
        long waited = Duration.between(helpSince, ctx.clock().instant()).toSeconds();
        helpRequested.set(false);
        helpSince = null;
        record("help.answered", body().put("waitedSeconds", waited));
    }

    // ----- the queue, the cash book -----

    public ReadOnlyStringProperty nowServingProperty() {
        return nowServing.getReadOnlyProperty();
    }

    public CashBook cash() {
        return cash;
    }

    /** Issues the next walk-in ticket and returns its label, such as A-017. */
    public String issueTicket() throws StoreException {
        int number = queue.issue(ctx.today(), ctx.clock().instant());
        queueChanged("queue.ticket_issued", number);
        return WalkInQueue.label(number);
    }

    /** Calls the next ticket; empty when nobody waits. */
    public Optional<String> callNext() throws StoreException {
        Optional<Integer> called = queue.callNext(ctx.today(), ctx.clock().instant());
        queueChanged("queue.called", called.orElse(null));
        return called.map(WalkInQueue::label);
    }

    /** The ticket being served was not there: set aside, and the next one called. */
    public Optional<String> skipTicket() throws StoreException {
        String skipped = nowServing.get();
        Optional<Integer> called = queue.skip(ctx.today(), ctx.clock().instant());
        record("queue.skipped", body().put("ticket", skipped));
        queueChanged("queue.called", called.orElse(null));
        return called.map(WalkInQueue::label);
    }

    public void recallTicket(int number) throws StoreException {
        queue.recall(number, ctx.today(), ctx.clock().instant());
        queueChanged("queue.recalled", number);
    }

    public WalkInQueue.State queueState() throws StoreException {
        return queue.state(ctx.today());
    }

    private void queueChanged(String kind, @Nullable Integer ticket) {
        record(kind, body().put("ticket", ticket == null ? null : WalkInQueue.label(ticket)));
        refresh();
    }

    // ----- lock, maintenance -----

    public Maintenance maintenance() {
        return maintenance;
    }

    /** Re-reads what other processes change: the lock (the portal's command) and the queue. */
    public void refresh() {
        try {
            maintenance.reread();
            nowServing.set(queue.nowServing(ctx.today()).orElse(""));
        } catch (StoreException e) {
            LOG.warn("cannot read the kiosk's state: {}", e.getMessage());
        }
    }

    // ----- the journal -----

    String attendantId() {
        Attendant a = attendant.get();
        return a == null ? "" : a.id();
    }

    ObjectNode body() {
        ObjectNode body = Json.wire().createObjectNode();
        if (attendant.get() != null) {
            body.put("attendant", attendant.get().id());
        }
        return body;
    }

    /** Writes one journal entry; a store that fails is logged, and the attendant's action still stands. */
    void record(String kind, ObjectNode body) {
        try {
            journal.append(kind, body, ctx.clock().instant());
        } catch (StoreException e) {
            LOG.error("cannot journal {}: {}", kind, e.getMessage());
        }
    }

    public DeskSettings settings() {
        return settings;
    }

    /** A configuration applied between sessions: no attendant is signed in and no session runs. */
    void settings(DeskSettings next) {
        settings = next;
    }

    KioskContext context() {
        return ctx;
    }

    Journal journal() {
        return journal;
    }

    org.accesscentre.core.catalogue.Catalogue catalogue() {
        return shell.catalogue();
    }
}
