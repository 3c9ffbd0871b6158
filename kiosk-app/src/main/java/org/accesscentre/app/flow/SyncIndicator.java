package org.accesscentre.app.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sync daemon last wrote in the store: online or not, and whether the kiosk is enrolled. The app
 * never talks to the portal itself; it reads this, so the indicator is only as fresh as the daemon's last
 * word. A word older than {@link #STALE} means the daemon is not running, which the kiosk shows as offline.
 */
public final class SyncIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(SyncIndicator.class);
    static final Duration STALE = Duration.ofMinutes(5);

    private final LocalStore store;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyBooleanWrapper enrolled = new ReadOnlyBooleanWrapper(this, "enrolled");
    private final ReadOnlyObjectWrapper<@Nullable Instant> lastContact =
            new ReadOnlyObjectWrapper<>(this, "lastContact");

    public SyncIndicator(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Reads the store again; the view calls this every few seconds. */
    public void refresh() {
        try {
            Optional<SyncStatus> status = DeviceState.read(store, DeviceState.SYNC);
            boolean fresh = status.isPresent()
                    && Duration.between(status.get().updatedAt(), clock.instant())
                                    .compareTo(STALE)
                            < 0;
            online.set(fresh && status.get().online());
            lastContact.set(status.map(SyncStatus::lastContact).orElse(null));
            enrolled.set(DeviceState.read(store, DeviceState.ENROLMENT).isPresent());
        } catch (StoreException e) {
            LOG.warn("cannot read the sync state: {}", e.getMessage());
            online.set(false);
        }
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public boolean online() {
        return online.get();
    }

    public ReadOnlyBooleanProperty enrolledProperty() {
        return enrolled.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable Instant> lastContactProperty() {
        return lastContact.getReadOnlyProperty();
    }
}
