package org.accesscentre.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Optional;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;

/** Typed access to the shared device state. */
public final class DeviceState {
    /** A key and the record type stored under it. */
    public record Key<T>(String name, Class<T> type) {}

    public static final Key<Enrolment> ENROLMENT = new Key<>("enrolment", Enrolment.class);
    public static final Key<SyncStatus> SYNC = new Key<>("sync", SyncStatus.class);
    public static final Key<KioskLock> LOCK = new Key<>("lock", KioskLock.class);
    public static final Key<PrinterStatus> PRINTER = new Key<>("printer", PrinterStatus.class);
    /** Written by the app for "sync now"; the daemon notices the store change and runs a round. */
    public static final Key<SyncRequest> SYNC_REQUESTED = new Key<>("sync.requested", SyncRequest.class);

    private DeviceState() {}

    /** Where a verified bundle of a kind waits for the app. */
    public static Key<StagedBundle> staged(String kind) {
        return new Key<>("staged." + kind, StagedBundle.class);
    }

    /** What the app runs of a kind, once it applied a staged bundle. */
    public static Key<StagedBundle> applied(String kind) {
        return new Key<>("applied." + kind, StagedBundle.class);
    }

    /** The last bundle of a kind that was refused, and why. */
    public static Key<BundleRefusal> refused(String kind) {
        return new Key<>("refused." + kind, BundleRefusal.class);
    }

    public static <T> Optional<T> read(LocalStore store, Key<T> key) throws StoreException {
        Optional<String> json = store.state(key.name());
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.wire().readValue(json.get(), key.type()));
        } catch (JsonProcessingException e) {
            throw new StoreException("device state " + key.name() + " is unreadable", e);
        }
    }

    public static <T> void write(LocalStore store, Key<T> key, T value, Instant at) throws StoreException {
        try {
            store.putState(key.name(), Json.wire().writeValueAsString(value), at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("device state " + key.name() + " cannot be written", e);
        }
    }
}
