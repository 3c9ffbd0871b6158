package org.accesscentre.sync.release;

import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;

/** What the kiosk has now, for a release's minimum versions: catalogue, configuration and store schema. */
public record DeviceVersions(long catalogue, long config, long storeSchema) {
    /** The catalogue and configuration the app applied, and the schema this code keeps the store at. */
    public static DeviceVersions of(LocalStore store) throws StoreException {
        return new DeviceVersions(applied(store, "catalogue"), applied(store, "config"), SqliteStore.SCHEMA_VERSION);
    }

    private static long applied(LocalStore store, String kind) throws StoreException {
        return DeviceState.read(store, DeviceState.applied(kind))
                .map(StagedBundle::version)
                .orElse(0L);
    }
}
