package org.accesscentre.app.desk;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.accesscentre.core.Release;
import org.accesscentre.core.io.Machine;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.Enrolment;
import org.accesscentre.core.state.PrinterStatus;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.QueueStats;
import org.accesscentre.core.store.StoreException;

/**
 * The kiosk's health in words for the attendant: each line a name and what it is, in plain English, read
 * from the store the daemon writes to and from the machine.
 */
public final class Health {
    /** One line of the panel; {@code problem} marks what needs the attendant's attention. */
    public record Line(String id, String name, String value, boolean problem) {}

    private Health() {}

    public static List<Line> read(LocalStore store, Journal journal, Path dataDir, Path temperatureSensor, Instant now)
            throws StoreException {
        List<Line> lines = new ArrayList<>();
        Optional<SyncStatus> sync = DeviceState.read(store, DeviceState.SYNC);
        boolean online = sync.map(SyncStatus::online).orElse(false);
        lines.add(new Line(
                "link",
                "Internet",
                sync.isEmpty()
                        ? "Unknown: the sync service has not reported yet"
                        : online ? "Online" : "Offline: " + sync.get().reason(),
                !online));
        lines.add(new Line(
                "last-sync",
                "Last sync",
                sync.map(SyncStatus::lastContact).map(t -> ago(t, now)).orElse("Never"),
                false));
        QueueStats stats = store.stats(now);
        long journalWaiting = journal.unsentCount();
        lines.add(new Line(
                "waiting",
                "Requests waiting",
                stats.depth() == 0
                        ? "None"
                        : stats.depth() + ", the oldest " + ago(now.minus(stats.oldestUnsentAge()), now),
                stats.oldestUnsentAge() != null && stats.oldestUnsentAge().compareTo(Duration.ofHours(24)) > 0));
        lines.add(
                new Line("journal", "Desk records waiting", journalWaiting == 0 ? "None" : "" + journalWaiting, false));
        lines.add(new Line(
                "versions",
                "Versions",
                "catalogue " + applied(store, "catalogue") + ", configuration " + applied(store, "config") + ", app "
                        + Release.LABEL + " (" + Release.NUMBER + ")",
                false));
        Optional<PrinterStatus> printer = DeviceState.read(store, DeviceState.PRINTER);
        String printerState = printer.map(PrinterStatus::state).orElse("none");
        lines.add(new Line(
                "printer",
                "Printer",
                printerWords(printerState),
                !printerState.equals("ok") && !printerState.equals("none")));
        long free = Machine.diskFree(dataDir);
        lines.add(
                new Line("disk", "Disk free", String.format(Locale.ROOT, "%.1f GB", free / 1e9), free < 500_000_000L));
        OptionalDouble temperature = Machine.temperature(temperatureSensor);
        lines.add(new Line(
                "temperature",
                "CPU temperature",
                temperature.isPresent()
                        ? String.format(Locale.ROOT, "%.0f °C", temperature.getAsDouble())
                        : "Not available on this machine",
                temperature.isPresent() && temperature.getAsDouble() >= 80));
        Optional<Enrolment> enrolment = DeviceState.read(store, DeviceState.ENROLMENT);
        lines.add(new Line(
                "device",
                "Device",
                enrolment
                        .map(e -> e.deviceId() + ", enrolled "
                                + e.enrolledAt().toString().substring(0, 10))
                        .orElse("Not enrolled yet"),
                enrolment.isEmpty()));
        return lines;
    }

    static String printerWords(String state) {
        return switch (state) {
            case "ok" -> "Ready";
            case "paper_low" -> "Paper low: have a new roll ready";
            case "paper_out" -> "Out of paper: put in a new roll";
            case "cover_open" -> "Cover open: close it";
            case "offline" -> "Not answering: check the cable and power";
            case "none" -> "No printer: receipts are shown on screen";
            default -> "Fault: switch it off and on";
        };
    }

    private static long applied(LocalStore store, String kind) throws StoreException {
        return DeviceState.read(store, DeviceState.applied(kind))
                .map(StagedBundle::version)
                .orElse(0L);
    }

    static String ago(Instant then, Instant now) {
        long minutes = Duration.between(then, now).toMinutes();
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 120) {
            return minutes + " min ago";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " hours ago" : hours / 24 + " days ago";
    }
}
