package org.accesscentre.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.accesscentre.app.desk.DeskPrinting;
import org.accesscentre.app.device.KioskHardware;
import org.accesscentre.app.device.LightState;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.KioskLock;
import org.accesscentre.core.state.PrinterStatus;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's hardware wired to the app: the help button calls the attendant (or, pressed again while the
 * call waits, opens attendant mode), the buzzer sounds when help is called, and every few seconds the printer
 * is asked how it is and the status light is set from the store: green online, amber requests waiting, red a
 * fault (the printer, the daemon silent, or the kiosk out of service).
 */
public final class KioskDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskDevices.class);
    static final Duration EVERY = Duration.ofSeconds(5);
    /** A daemon that has not written for this long is not running: a fault the attendant should see. */
    static final Duration DAEMON_SILENT = Duration.ofMinutes(5);

    static final Duration BUZZ = Duration.ofMillis(600);

    private final KioskHardware hardware;
    private final LocalStore store;
    private final DeskPrinting printing;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private @Nullable ScheduledFuture<?> polling;
    private boolean closed;

    KioskDevices(
            KioskHardware hardware,
            LocalStore store,
            DeskPrinting printing,
            Clock clock,
            ScheduledExecutorService scheduler) {
        this.hardware = hardware;
        this.store = store;
        this.printing = printing;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Starts listening and polling.
     *
     * @param helpPressed runs for each debounced press of the help button, on the hardware's thread
     */
    void start(Runnable helpPressed) {
        hardware.helpButton().onPressed(helpPressed);
        polling = scheduler.schedule(this::round, 0, TimeUnit.MILLISECONDS);
    }

    /** A poll, then the next one {@link #EVERY} later: one task at a time, never a pile-up behind a slow printer. */
    private synchronized void round() {
        if (closed) {
            return;
        }
        poll();
        polling = scheduler.schedule(this::round, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Help was called: the attendant hears it. */
    void helpCalled() {
        hardware.buzzer().sound(BUZZ);
    }

    /** One round: the printer asked, the light set. */
    void poll() {
        try {
            printing.checkPrinter();
            hardware.lights().show(lights(store, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("cannot update the status light: {}", e.getMessage());
        }
    }

    /** The status light for what the store says at {@code now}. */
    static LightState lights(LocalStore store, Instant now) {
        try {
            Optional<SyncStatus> sync = DeviceState.read(store, DeviceState.SYNC);
            boolean daemonHeard = sync.isPresent()
                    && Duration.between(sync.get().updatedAt(), now).compareTo(DAEMON_SILENT) < 0;
            boolean online = daemonHeard && sync.get().online();
            boolean waiting = store.stats(now).depth() > 0;
            String printer = DeviceState.read(store, DeviceState.PRINTER)
                    .map(PrinterStatus::state)
                    .orElse("none");
            boolean locked = DeviceState.read(store, DeviceState.LOCK)
                    .map(KioskLock::locked)
                    .orElse(false);
            // Paper low still prints: the health panel says so, the light stays as it is.
            boolean printerFault = !(printer.equals("ok") || printer.equals("paper_low") || printer.equals("none"));
            boolean fault = !daemonHeard || locked || printerFault;
            return new LightState(online, waiting, fault);
        } catch (StoreException e) {
            return new LightState(false, false, true);
        }
    }

    /** Where a demo without hardware shows its buttons and lights, if this is simulated hardware. */
    void ifSimulated(Consumer<org.accesscentre.app.device.MockKioskHardware> show) {
        hardware.simulation().ifPresent(show);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (polling != null) {
            polling.cancel(false);
        }
        hardware.close();
    }
}
