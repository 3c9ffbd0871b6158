package org.accesscentre.app.desk;

import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.core.state.AppActivity;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.KioskLock;
import org.accesscentre.core.state.RestartRequest;
import org.accesscentre.core.state.SyncRequest;
import org.accesscentre.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendant's maintenance of the kiosk: Out of service (which the ICT office's lock command also sets,
 * through the daemon and the store), a sync now, and a restart of the app. Each is journalled.
 */
public final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
    static final KioskLock UNLOCKED = new KioskLock(false, "", "", Instant.EPOCH);

    private final KioskContext ctx;
    private final Desk desk;
    private final ShellViewModel shell;
    private final ReadOnlyObjectWrapper<KioskLock> lock = new ReadOnlyObjectWrapper<>(this, "lock", UNLOCKED);
    private Runnable restart = () -> {};
    /** When this app started: a restart request from before then is already served. */
    private final Instant started;

    private boolean restarting;

    Maintenance(KioskContext ctx, Desk desk, ShellViewModel shell) {
        this.ctx = ctx;
        this.desk = desk;
        this.shell = shell;
        this.started = ctx.clock().instant();
    }

    public ReadOnlyObjectProperty<KioskLock> lockProperty() {
        return lock.getReadOnlyProperty();
    }

    public void lock(String reason) {
        write(new KioskLock(true, reason, desk.attendantId(), ctx.clock().instant()));
        desk.record("kiosk.locked", desk.body().put("reason", reason));
    }

    public void unlock() {
        write(new KioskLock(false, "", desk.attendantId(), ctx.clock().instant()));
        desk.record("kiosk.unlocked", desk.body());
    }

    private void write(KioskLock value) {
        try {
            DeviceState.write(ctx.store(), DeviceState.LOCK, value, value.at());
        } catch (StoreException e) {
            LOG.error("cannot save the kiosk's lock: {}", e.getMessage());
        }
        show(value);
    }

    /**
     * The lock as the store has it now: the daemon writes the ICT office's lock command there. And the daemon's
     * request to restart after a release switch, which the app follows once idle.
     */
    void reread() throws StoreException {
        KioskLock stored = DeviceState.read(ctx.store(), DeviceState.LOCK).orElse(UNLOCKED);
        if (!stored.equals(lock.get())) {
            show(stored);
        }
        Optional<RestartRequest> request = DeviceState.read(ctx.store(), RestartRequest.KEY);
        if (!restarting && request.isPresent() && request.get().at().isAfter(started) && idle()) {
            restarting = true;
            LOG.info(
                    "restarting to run release {}: {}",
                    request.get().release(),
                    request.get().reason());
            desk.record(
                    "kiosk.restart_for_release",
                    desk.body().put("release", request.get().release()));
            restart.run();
        }
    }

    /** Idle as the app last told the daemon, which asked for the restart only when it was. */
    private boolean idle() throws StoreException {
        return DeviceState.read(ctx.store(), AppActivity.KEY)
                .map(AppActivity::idle)
                .orElse(true);
    }

    private void show(KioskLock value) {
        lock.set(value);
        if (value.locked()) {
            shell.finish(); // nothing a citizen entered stays behind Out of service
        }
    }

    /** Asks the sync daemon, through the store, for a full round now rather than at its next interval. */
    public void syncNow() {
        Instant now = ctx.clock().instant();
        try {
            DeviceState.write(ctx.store(), DeviceState.SYNC_REQUESTED, new SyncRequest(now, desk.attendantId()), now);
        } catch (StoreException e) {
            LOG.error("cannot ask for a sync: {}", e.getMessage());
        }
        desk.record("kiosk.sync_requested", desk.body());
    }

    /** How the app restarts itself ({@code AppMain} exits for systemd or the demo's supervisor to start it). */
    public void onRestart(Runnable restart) {
        this.restart = restart;
    }

    public void restartApp() {
        desk.record("kiosk.restart_requested", desk.body());
        restart.run();
    }
}
