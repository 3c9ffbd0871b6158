package org.accesscentre.sync.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.accesscentre.core.io.Machine;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.PrinterStatus;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.QueueStats;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.CommandResult;
import org.accesscentre.core.wire.Heartbeat;
import org.jspecify.annotations.Nullable;

/** Builds the heartbeat from what the store and the machine say. */
public final class Heartbeater {

    private final LocalStore store;
    private final Path dataDir;

    public Heartbeater(LocalStore store, Path dataDir) {
        this.store = store;
        this.dataDir = dataDir;
    }

    /**
     * @param release the release this kiosk runs for good (during a health check, the one it came from)
     * @param releaseRefused the last release it refused or rolled back, if not the one it runs
     */
    public Heartbeat build(
            Instant now,
            long clockOffsetMillis,
            @Nullable String lastError,
            List<CommandResult> results,
            long release,
            Optional<BundleRefused> releaseRefused)
            throws StoreException {
        QueueStats stats = store.stats(now);
        Duration oldest = stats.oldestUnsentAge();
        return new Heartbeat(
                Long.toString(release),
                applied("catalogue"),
                applied("config"),
                stats.depth(),
                oldest == null ? 0 : oldest.toSeconds(),
                stats.bytesWaiting(),
                Machine.diskFree(dataDir),
                temperature(),
                DeviceState.read(store, DeviceState.PRINTER)
                        .map(Heartbeater::printerState)
                        .orElse("none"),
                clockOffsetMillis,
                lastError == null ? null : lastError.substring(0, Math.min(500, lastError.length())),
                now,
                results,
                refused(releaseRefused));
    }

    /**
     * The printer as the heartbeat says it. The portal takes a fixed set of words and refuses a heartbeat with
     * another, so a state it may not know yet is sent as the nearest one it does: {@code paper_low} prints,
     * so it is {@code ok} there; the attendant's health panel shows the paper is low.
     */
    static String printerState(PrinterStatus printer) {
        return printer.state().equals("paper_low") ? "ok" : printer.state();
    }

    /**
     * Refusals newer than what the app runs, one per kind at most: the portal's rollout counts the device as
     * failed from them. Read from the store each time, so a restart or a lost reply never loses one.
     */
    private List<BundleRefused> refused(Optional<BundleRefused> release) throws StoreException {
        List<BundleRefused> out = new ArrayList<>();
        release.ifPresent(out::add);
        for (String kind : List.of("catalogue", "config")) {
            Optional<BundleRefusal> r = DeviceState.read(store, DeviceState.refused(kind));
            if (r.isPresent() && r.get().version() > applied(kind)) {
                String reason = r.get().reason();
                out.add(new BundleRefused(
                        kind, r.get().version(), reason.substring(0, Math.min(500, reason.length()))));
            }
        }
        return out;
    }

    private long applied(String kind) throws StoreException {
        return DeviceState.read(store, DeviceState.applied(kind))
                .map(StagedBundle::version)
                .orElse(0L);
    }

    /** The CPU temperature on a Pi; null elsewhere. */
    private static @Nullable Double temperature() {
        OptionalDouble t = Machine.temperature(Machine.CPU_TEMPERATURE);
        return t.isPresent() ? t.getAsDouble() : null;
    }
}
