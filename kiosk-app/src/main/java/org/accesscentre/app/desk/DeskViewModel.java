package org.accesscentre.app.desk;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.config.Attendant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attendant mode as the overlay shows it: opened by five quick taps in the screen's top-left corner or by the
 * help button pressed while help is already called, then a name and a PIN; then four tabs (session and queue,
 * cash, kiosk, help). The citizen's page stays underneath, untouched, until the attendant closes it.
 */
public final class DeskViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DeskViewModel.class);
    static final int CORNER_TAPS = 5;
    /** Attendant mode left open and untouched this long closes and signs the attendant out. */
    public static final Duration ATTENDANT_IDLE = Duration.ofMinutes(2);

    static final Duration CORNER_WINDOW = Duration.ofSeconds(4);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** What the overlay shows. */
    public enum Mode {
        CLOSED,
        CHOOSE,
        PIN,
        OPEN
    }

    /** The tabs of attendant mode. */
    public enum Tab {
        SESSION,
        CASH,
        KIOSK
    }

    private final Desk desk;
    private final ShellViewModel shell;
    private final Path dataDir;
    private final Deque<Instant> cornerTaps = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.CLOSED);
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(this, "tab", Tab.SESSION);
    private final ReadOnlyObjectWrapper<@Nullable Attendant> chosen = new ReadOnlyObjectWrapper<>(this, "chosen");
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final StringProperty ticket = new SimpleStringProperty(this, "ticket", "");
    private final DeskPrinting printing;
    private Instant lastTouch = Instant.EPOCH;
    private final CashViewModel cash;
    private final KioskTabViewModel kioskTab;

    public DeskViewModel(Desk desk, ShellViewModel shell, Path dataDir) {
        this.desk = desk;
        this.shell = shell;
        this.dataDir = dataDir;
        this.printing = new DeskPrinting(desk.context());
        this.cash = new CashViewModel(this);
        this.kioskTab = new KioskTabViewModel(this, dataDir);
        tab.addListener((obs, was, is) -> message.set(""));
    }

    public DeskPrinting printing() {
        return printing;
    }

    public Desk desk() {
        return desk;
    }

    public ShellViewModel shell() {
        return shell;
    }

    /** The centre's time zone, for times shown to the attendant. */
    public java.time.ZoneId zone() {
        return desk.context().zone();
    }

    /** A service's title for the attendant (in the kiosk's first language), or its id if it is gone. */
    public String serviceName(String serviceId) {
        return shell.catalogue()
                .service(serviceId)
                .map(s -> s.text(shell.locales().getFirst(), shell.locales().getFirst())
                        .title())
                .orElse(serviceId);
    }

    /** The centre's local date today. */
    public java.time.LocalDate today() {
        return desk.context().today();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The tab shown; switching clears the last message, which was about the other tab. */
    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    public ReadOnlyObjectProperty<@Nullable Attendant> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** The digits typed so far; the view shows one dot each. */
    public StringProperty pinProperty() {
        return pin;
    }

    /** What the last action came to, in words for the attendant ("" for nothing to say). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The ticket number typed when starting a session (optional). */
    public StringProperty ticketProperty() {
        return ticket;
    }

    // ----- time -----

    /** Any touch anywhere on the kiosk. */
    public void touched() {
        lastTouch = desk.context().clock().instant();
    }

    /**
     * Called once a second by the view (and by tests after moving the clock): the session's clock, and
     * attendant mode closing itself when the attendant walked away from it open.
     */
    public void tick() {
        desk.tick();
        Instant now = desk.context().clock().instant();
        if (mode.get() != Mode.CLOSED && Duration.between(lastTouch, now).compareTo(ATTENDANT_IDLE) >= 0) {
            desk.attendant().ifPresent(a -> desk.record("attendant.timed_out", desk.body()));
            close();
        }
    }

    // ----- getting in -----

    /** A tap in the top-left corner; the fifth within four seconds opens attendant mode. */
    public void cornerTapped() {
        Instant now = desk.context().clock().instant();
        cornerTaps.addLast(now);
        while (!cornerTaps.isEmpty()
                && Duration.between(cornerTaps.peekFirst(), now).compareTo(CORNER_WINDOW) > 0) {
            cornerTaps.removeFirst();
        }
        if (cornerTaps.size() >= CORNER_TAPS) {
            cornerTaps.clear();
            open();
        }
    }

    /**
     * The physical help button: the first press calls the attendant; pressed again while the call is waiting
     * (the attendant has come), it opens attendant mode.
     */
    public void helpButtonPressed() {
        if (desk.helpRequestedProperty().get()) {
            open();
        } else {
            desk.requestHelp("button");
        }
    }

    public void open() {
        if (mode.get() != Mode.CLOSED) {
            return;
        }
        touched();
        pin.set("");
        message.set(lockoutWords().orElse(""));
        if (desk.attendants().isEmpty()) {
            message.set("No attendants are set up in this kiosk's configuration; the ICT office adds them.");
            chosen.set(null);
            mode.set(Mode.CHOOSE);
        } else if (desk.attendants().size() == 1) {
            choose(desk.attendants().getFirst());
        } else {
            mode.set(Mode.CHOOSE);
        }
    }

    public void choose(Attendant attendant) {
        chosen.set(attendant);
        pin.set("");
        mode.set(Mode.PIN);
    }

    public void digit(int d) {
        if (pin.get().length() < 12 && d >= 0 && d <= 9) {
            pin.set(pin.get() + d);
        }
    }

    public void deleteDigit() {
        String p = pin.get();
        pin.set(p.isEmpty() ? p : p.substring(0, p.length() - 1));
    }

    /** Checks the PIN (off the UI thread); the overlay follows the outcome. */
    public void submitPin() {
        Attendant who = chosen.get();
        if (who == null || pin.get().isEmpty()) {
            return;
        }
        char[] typed = pin.get().toCharArray();
        pin.set("");
        message.set("Checking…");
        desk.signIn(who, typed, outcome -> {
            switch (outcome) {
                case PinGate.Outcome.Granted g -> {
                    message.set("");
                    tab.set(Tab.SESSION);
                    mode.set(Mode.OPEN);
                }
                case PinGate.Outcome.Refused r ->
                    message.set(
                            r.lockedUntil() != null
                                    ? "Wrong PIN. PIN entry is locked until " + local(r.lockedUntil()) + "."
                                    : "Wrong PIN. " + r.triesLeft() + (r.triesLeft() == 1 ? " try" : " tries")
                                            + " left before PIN entry is locked for a while.");
                case PinGate.Outcome.LockedOut l ->
                    message.set("Too many wrong PINs. Try again after " + local(l.until()) + ".");
            }
        });
    }

    private Optional<String> lockoutWords() {
        return desk.pinLockedUntil().map(until -> "Too many wrong PINs. Try again after " + local(until) + ".");
    }

    /** Leaves attendant mode: the attendant is signed out and the citizen's page is back. */
    public void close() {
        desk.signOut();
        pin.set("");
        message.set("");
        chosen.set(null);
        mode.set(Mode.CLOSED);
    }

    // ----- session and queue -----

    public void startSession() {
        String t = ticket.get().strip();
        try {
            desk.startSession(t.isEmpty() ? null : t.toUpperCase(Locale.ROOT));
            ticket.set("");
            say("Session started: " + desk.sessionLeftProperty().get() + " on the clock.");
        } catch (IllegalStateException e) {
            say("Not started: " + e.getMessage() + ".");
        }
    }

    public void extendSession(int minutes) {
        desk.extendSession(Duration.ofMinutes(minutes));
        say("Session extended: " + desk.sessionLeftProperty().get() + " left.");
    }

    public void endSession() {
        desk.endSession();
        say("Session ended; the kiosk is ready for the next person.");
    }

    /** Issues the next ticket and prints it; the message says both. */
    public void issueTicket() {
        store(() -> {
            String label = desk.issueTicket();
            say("Ticket " + label + " issued.");
            var ticket = printing.ticket(label, shell.strings());
            printing.print("Ticket " + label, () -> desk.context().printer().printTicket(ticket), this::say);
        });
    }

    public void callNext() {
        store(() -> say(desk.callNext().map(t -> "Now serving " + t + ".").orElse("Nobody is waiting.")));
    }

    public void skipTicket() {
        store(() -> say(desk.skipTicket()
                .map(t -> "Skipped. Now serving " + t + ".")
                .orElse("Skipped. Nobody else is waiting.")));
    }

    public void recall(int number) {
        store(() -> {
            desk.recallTicket(number);
            say("Now serving " + WalkInQueue.label(number) + " again.");
        });
    }

    public WalkInQueue.State queue() {
        try {
            return desk.queueState();
        } catch (StoreException e) {
            LOG.warn("cannot read the queue: {}", e.getMessage());
            return WalkInQueue.State.empty(desk.context().today());
        }
    }

    // ----- help and assisted filling -----

    public void answerHelp() {
        desk.answerHelp();
        say("Help answered.");
    }

    /** The attendant fills in the citizen's form: answers from now on are recorded as theirs. */
    public void assist() {
        desk.attendant().ifPresent(a -> {
            shell.assist(a.id(), a.name());
            desk.record(
                    "assist.started",
                    desk.body().put("service", shell.serviceInProgress().orElse(null)));
            close();
        });
    }

    // ----- cash -----

    public CashViewModel cash() {
        return cash;
    }

    // ----- the kiosk -----

    public KioskTabViewModel kiosk() {
        return kioskTab;
    }

    String local(Instant t) {
        return LocalTime.ofInstant(t, desk.context().zone()).format(TIME);
    }

    void say(String words) {
        message.set(words);
    }

    @FunctionalInterface
    interface StoreAction {
        void run() throws StoreException;
    }

    void store(StoreAction action) {
        try {
            action.run();
        } catch (StoreException e) {
            say("Not done: the kiosk's storage failed (" + e.getMessage() + ").");
        } catch (IllegalStateException | IllegalArgumentException e) {
            say("Not done: " + e.getMessage() + ".");
        }
    }
}
