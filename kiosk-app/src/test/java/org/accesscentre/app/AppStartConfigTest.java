package org.accesscentre.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.accesscentre.app.config.ConfigBundles;
import org.accesscentre.app.config.ConfigSource;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's start, as {@code ./kiosk app --config FILE} makes it (no window: the assembly only): a
 * configuration applied before is used over the file, and one that turned bad on disk gives way to the one
 * before it, with the refusal in the store for the daemon's heartbeat.
 */
class AppStartConfigTest {
    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-11-22T14:00:00Z");
    private ConfigBundles bundles;
    private DeviceConfig fromFile;

    @BeforeEach
    void applyTwoConfigurations() throws Exception {
        bundles = new ConfigBundles(dir);
        Files.createDirectories(bundles.dataDir);
        fromFile = bundles.fromFile();
        try (SqliteStore store = SqliteStore.open(SqliteStore.fileIn(bundles.dataDir), StoreOptions.DEFAULTS)) {
            ConfigSource source = ConfigSource.open(store, DeviceConfigs.resolve(fromFile), now);
            apply(store, source, 1, json(100, "en", "fr"));
            apply(store, source, 2, json(200, "fr"));
        }
    }

    private ObjectNode json(int idleSeconds, String... locales) {
        ObjectNode json = bundles.json().put("idleTimeoutSeconds", idleSeconds);
        var array = json.putArray("locales");
        List.of(locales).forEach(array::add);
        return json;
    }

    private void apply(SqliteStore store, ConfigSource source, long version, ObjectNode json) throws Exception {
        ConfigBundles.stage(store, bundles.config(version, json), version, now);
        assertTrue(source.applyStaged(now) instanceof ConfigSource.Applied);
    }

    @Test
    void theAppStartsWithTheConfigurationAppliedLast() throws Exception {
        try (KioskAssembly kiosk = KioskAssembly.open(fromFile)) {
            assertEquals(Duration.ofSeconds(200), kiosk.config().idle().timeout());
            assertEquals(List.of("fr"), kiosk.shell().locales());
            assertEquals(
                    List.of("att-1", "att-2"),
                    kiosk.desk().desk().attendants().stream().map(a -> a.id()).toList());
        }
    }

    @Test
    void anAppliedFileThatTurnedBadGivesWayToTheOneBefore() throws Exception {
        Files.writeString(DeviceConfigs.kept(bundles.dataDir, 2), "{\"format\": 1,", StandardCharsets.UTF_8);

        try (KioskAssembly kiosk = KioskAssembly.open(fromFile)) {
            assertEquals(Duration.ofSeconds(100), kiosk.config().idle().timeout());
            assertEquals(List.of("en", "fr"), kiosk.shell().locales());
        }
        try (SqliteStore store = SqliteStore.open(SqliteStore.fileIn(bundles.dataDir), StoreOptions.DEFAULTS)) {
            BundleRefusal refusal =
                    DeviceState.read(store, DeviceState.refused("config")).orElseThrow();
            assertEquals(2, refusal.version());
            assertTrue(refusal.reason().startsWith("the app refused it at start: "), refusal.reason());
            assertEquals(
                    1,
                    DeviceState.read(store, DeviceState.applied("config"))
                            .orElseThrow()
                            .version());
        }
        assertEquals(
                Duration.ofSeconds(100), DeviceConfigs.inForce(fromFile).idle().timeout(), "and the daemon");
    }
}
