package org.accesscentre.app.desk;

import java.time.Instant;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.config.ConfigSource;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.config.DeviceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a configuration the daemon staged into force between sessions, never during one (and a staged
 * catalogue too, which otherwise waits for the next citizen to finish): only while nobody
 * is at the kiosk (the welcome screen, no timed session, attendant mode closed). Looked at each time the kiosk
 * becomes idle, and by {@link #check} from a timer while it stays idle. The parts the app can change live go
 * to the view models: languages and idle times to the shell, attendants, session limit and opening hours to
 * the desk, signing keys to the catalogue source. The rest waits for a restart and is said so in the journal
 * entry {@code config.applied}. Lives on the FX thread.
 */
public final class ConfigUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigUpdates.class);

    private final ConfigSource source;
    private final DeskViewModel desk;
    private final CatalogueSource catalogues;

    private ConfigUpdates(ConfigSource source, DeskViewModel desk, CatalogueSource catalogues) {
        this.source = source;
        this.desk = desk;
        this.catalogues = catalogues;
    }

    /** Starts watching: a staged configuration comes into force the next time the kiosk is idle. */
    public static ConfigUpdates start(ConfigSource source, DeskViewModel desk, CatalogueSource catalogues) {
        ConfigUpdates updates = new ConfigUpdates(source, desk, catalogues);
        // After the change that made the kiosk idle has run its course (the wipe, the welcome screen).
        Runnable later = () -> desk.desk().context().ui().execute(updates::check);
        desk.shell().screenProperty().addListener((obs, was, is) -> later.run());
        desk.desk().sessionProperty().addListener((obs, was, is) -> later.run());
        desk.modeProperty().addListener((obs, was, is) -> later.run());
        return updates;
    }

    /** Applies a staged configuration, then catalogue, if the kiosk is idle now; nothing while anyone is at it. */
    public void check() {
        if (!ActivityReport.busyWith(desk).isEmpty()) {
            return;
        }
        Instant now = desk.desk().context().clock().instant();
        ConfigSource.Outcome outcome;
        try {
            outcome = source.applyStaged(now);
        } catch (StoreException e) {
            LOG.warn("cannot look for a new configuration: {}", e.getMessage());
            return;
        }
        switch (outcome) {
            case ConfigSource.Applied a -> {
                install(a.config());
                var body = desk.desk().body().put("version", a.version());
                var onRestart = body.putArray("onRestart");
                a.onRestart().forEach(onRestart::add);
                desk.desk().record("config.applied", body);
            }
            case ConfigSource.Refused r ->
                desk.desk()
                        .record(
                                "config.refused",
                                desk.desk().body().put("version", r.version()).put("reason", r.reason()));
            case ConfigSource.Unchanged u -> {}
        }
        // A catalogue staged meanwhile, checked with the keys now in force.
        desk.shell().applyNewCatalogueWhileIdle();
    }

    private void install(DeviceConfig config) {
        desk.shell().reconfigure(config.locales(), config.idle());
        desk.desk().settings(new DeskSettings(config.attendants(), config.session(), config.openingHours()));
        catalogues.trust(config.trustedSigningKeys());
        desk.desk().refresh();
    }
}
