package org.accesscentre.sync.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.net.PortalClient;
import org.accesscentre.testing.RealisticAnswers;
import org.accesscentre.testing.TestClock;

/**
 * A whole kiosk for end-to-end tests: a real configuration file enrolled against a real portal, the real
 * daemon, and the app's side, a second connection to the same store file that submits realistic requests.
 * The daemon's engine is driven round by round on a test clock; nothing sleeps.
 */
public final class TestKiosk implements AutoCloseable {
    public static final PortalClient.Timeouts QUICK =
            new PortalClient.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30));

    public final Path dataDir;
    public final Path configFile;
    public final DeviceConfig config;
    public final TestClock clock;
    public final SqliteStore app;
    private SyncDaemon daemon;
    private DeviceConfig daemonConfig;
    private final Catalogue catalogue = DemoCatalogue.load();

    private TestKiosk(Path dataDir, Path configFile, DeviceConfig config, TestClock clock) throws Exception {
        this.dataDir = dataDir;
        this.configFile = configFile;
        this.config = config;
        this.clock = clock;
        this.daemonConfig = config;
        this.daemon = SyncDaemon.open(config, clock, "test-kiosk", QUICK);
        this.app = SqliteStore.open(SyncDaemon.storeFile(dataDir), StoreOptions.DEFAULTS);
    }

    /** Writes a configuration for the slot, pointing at {@code portalUrl} (the portal, or a link to it). */
    public static TestKiosk create(
            TestPortal portal, Path dir, String centre, int kiosk, String portalUrl, TestClock clock) throws Exception {
        Path configFile = writeConfig(portal, dir, centre, kiosk, portalUrl, portal.enrolmentCode(centre, kiosk));
        DeviceConfig config = DeviceConfigReader.strict().read(configFile);
        return new TestKiosk(dir.resolve("data"), configFile, config, clock);
    }

    public static Path writeConfig(TestPortal portal, Path dir, String centre, int kiosk, String portalUrl, String code)
            throws Exception {
        ObjectNode c = Json.wire().createObjectNode();
        c.put("format", 1);
        c.put("centre", centre);
        c.put("kiosk", kiosk);
        ObjectNode p = c.putObject("portal");
        p.put("url", portalUrl);
        p.put("envelopeKey", Keys.toBase64(portal.envelopeKey()));
        c.putArray("trustedSigningKeys").add(Keys.toBase64(portal.signing.getPublic()));
        c.putArray("locales").add("en").add("fr");
        c.put("timeZone", "America/St_Lucia");
        c.put("dataDir", dir.resolve("data").toString());
        c.put("enrolmentCode", code);
        Path file = dir.resolve("config.json");
        Files.createDirectories(dir);
        Files.write(file, Json.wire().writerWithDefaultPrettyPrinter().writeValueAsBytes(c));
        return file;
    }

    public SyncDaemon daemon() {
        return daemon;
    }

    /** Submits realistic requests the way the app does, on its own connection. */
    public List<Receipt> submit(int n, Random random) throws Exception {
        Submitter submitter = new Submitter(
                app,
                new Sealer(config.portal().envelopeKey(), clock),
                new Validator(catalogue),
                clock,
                ZoneId.of("America/St_Lucia"),
                config.centre(),
                config.kiosk());
        List<Receipt> receipts = new ArrayList<>();
        List<Service> services = catalogue.services();
        for (int i = 0; i < n; i++) {
            Service service = services.get(random.nextInt(services.size()));
            receipts.add(submitter.submit(
                    service,
                    RealisticAnswers.forService(
                            catalogue, service, random, LocalDate.now(clock.withZone(ZoneId.of("America/St_Lucia")))),
                    "en"));
        }
        return receipts;
    }

    /** One round of the engine; the clock then moves to when it wants to come back. */
    public Instant round() throws Exception {
        Instant next = daemon.engine().runDue();
        if (next.isAfter(clock.instant())) {
            clock.set(next);
        }
        return next;
    }

    /** Rounds until nothing is waiting to be sent, or {@code maxRounds}; returns the rounds it took. */
    public int drainAll(int maxRounds) throws Exception {
        for (int i = 1; i <= maxRounds; i++) {
            round();
            if (app.stats(clock.instant()).depth() == 0) {
                return i;
            }
        }
        throw new AssertionError("the queue did not empty in " + maxRounds + " rounds: " + app.stats(clock.instant())
                + "; link: " + daemon.engine().link().lastError());
    }

    /** Stops and reopens the daemon on the same data, as a restart does. */
    public void restartDaemon() throws Exception {
        daemon.close();
        daemon = SyncDaemon.open(daemonConfig, clock, "test-kiosk", QUICK);
    }

    /**
     * Points the kiosk at another address with other certificate pins, as a configuration update does, and
     * restarts the daemon on the same data: the store, the identity and the enrolment stay.
     */
    public void repoint(String portalUrl, List<String> pinSha256) throws Exception {
        ObjectNode c = (ObjectNode) Json.wire().readTree(Files.readAllBytes(configFile));
        ObjectNode p = (ObjectNode) c.get("portal");
        p.put("url", portalUrl);
        p.remove("pinSha256");
        if (!pinSha256.isEmpty()) {
            pinSha256.forEach(p.putArray("pinSha256")::add);
        }
        Files.write(configFile, Json.wire().writerWithDefaultPrettyPrinter().writeValueAsBytes(c));
        daemonConfig = DeviceConfigReader.strict().read(configFile);
        restartDaemon();
    }

    @Override
    public void close() throws org.accesscentre.core.store.StoreException {
        daemon.close();
        app.close();
    }
}
