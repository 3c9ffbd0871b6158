package org.accesscentre.app.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.app.config.ConfigBundles;
import org.accesscentre.app.config.ConfigSource;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.device.config.Attendant;
import org.accesscentre.device.config.DeviceConfigs;
import org.accesscentre.device.pin.PinHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration staged while someone is at the kiosk waits for them to be done: a citizen's visit, a timed
 * session, attendant mode. Then the parts that change live change: attendants, session limit, languages,
 * idle times, the keys catalogues are checked with.
 */
class ConfigUpdatesTest {
    @TempDir
    Path dir;

    private Desks d;
    private ConfigBundles bundles;
    private ConfigSource source;
    private DeskViewModel vm;
    private ConfigUpdates updates;

    @BeforeEach
    void kiosk() throws Exception {
        d = new Desks(dir);
        bundles = new ConfigBundles(dir.resolve("push"));
        source = ConfigSource.open(d.store, DeviceConfigs.resolve(bundles.fromFile()), d.kiosk.clock.instant());
        vm = new DeskViewModel(d.desk, d.kiosk.shell, dir);
        updates = ConfigUpdates.start(source, vm, d.kiosk.ctx.catalogues());
    }

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    /** Joseph alone, idle times 200 s and 40 s, French first, 20-minute sessions. */
    private ObjectNode changed() {
        ObjectNode json = bundles.json().put("idleTimeoutSeconds", 200).put("idleWarningSeconds", 40);
        json.putArray("attendants")
                .add(ConfigBundles.attendant(
                        "att-2", "Joseph", Desks.JOSEPH.pinHash().encoded()));
        json.putArray("locales").add("fr").add("en");
        json.putObject("session")
                .put("limitMinutes", 20)
                .putArray("warningMinutes")
                .add(2);
        return json;
    }

    private void stage(long version, ObjectNode json) throws Exception {
        ConfigBundles.stage(d.store, bundles.config(version, json), version, d.kiosk.clock.instant());
    }

    @Test
    void aConfigurationStagedDuringACitizensVisitComesIntoForceWhenTheyFinish() throws Exception {
        d.kiosk.shell.start();
        d.kiosk.shell.openCategory("family");
        stage(1, changed());

        updates.check();
        assertEquals(0, source.version(), "not while the citizen is at the kiosk");
        assertEquals(2, d.desk.attendants().size());
        assertEquals("en", d.kiosk.shell.locale());

        d.kiosk.shell.finish();

        assertEquals(1, source.version());
        assertEquals(
                List.of("att-2"),
                d.desk.attendants().stream().map(Attendant::id).toList());
        assertEquals(40, d.kiosk.shell.idle().totalWarningSeconds());
        assertEquals(List.of("fr", "en"), d.kiosk.shell.locales());
        assertEquals("fr", d.kiosk.shell.locale(), "the welcome screen is in the new first language");
        assertEquals(1, d.last("config.applied").body().get("version").asLong());
        StagedBundle applied =
                DeviceState.read(d.store, DeviceState.applied("config")).orElseThrow();
        assertEquals(1, applied.version(), "what the daemon's heartbeat reports");
    }

    @Test
    void aTimedSessionKeepsTheConfigurationItStartedWith() throws Exception {
        d.signIn();
        d.desk.signOut();
        d.desk.startSession("A-001");
        stage(1, changed());

        updates.check();
        d.kiosk.clock.advance(Duration.ofMinutes(1));
        d.desk.tick();
        assertEquals(0, source.version(), "not during a timed session");
        assertEquals(Duration.ofMinutes(29), d.desk.sessionProperty().get().left(d.kiosk.clock.instant()));

        d.desk.endSession();

        assertEquals(1, source.version());
        d.desk.startSession("A-002");
        assertEquals(
                Duration.ofMinutes(20),
                d.desk.sessionProperty().get().left(d.kiosk.clock.instant()),
                "the next session has the new limit");
    }

    @Test
    void attendantModeKeepsTheConfigurationUntilItCloses() throws Exception {
        vm.open();
        assertEquals(DeskViewModel.Mode.CHOOSE, vm.modeProperty().get());
        stage(1, changed());

        updates.check();
        assertEquals(0, source.version(), "not while the attendant is in attendant mode");
        assertEquals(2, d.desk.attendants().size());

        vm.close();

        assertEquals(1, source.version());
        vm.open();
        assertEquals(DeskViewModel.Mode.PIN, vm.modeProperty().get(), "one attendant left: straight to the PIN");
        assertEquals("att-2", vm.chosenProperty().get().id());
    }

    @Test
    void anIdleKioskTakesItAtTheNextCheckAndANewAttendantCanSignIn() throws Exception {
        PinHasher hasher = new PinHasher(PinHasher.MIN_ITERATIONS, new SecureRandom());
        ObjectNode json = bundles.json();
        json.withArray("attendants")
                .add(ConfigBundles.attendant(
                        "att-3", "Lucien", hasher.hash("8642".toCharArray()).encoded()));
        stage(1, json);
        assertInstanceOf(Screen.Welcome.class, d.kiosk.shell.screen());

        updates.check();

        assertEquals(1, source.version());
        Attendant lucien = d.desk.attendants().getLast();
        List<PinGate.Outcome> outcomes = new ArrayList<>();
        d.desk.signIn(lucien, "8642".toCharArray(), outcomes::add);
        assertInstanceOf(PinGate.Outcome.Granted.class, outcomes.getFirst());
    }

    @Test
    void aCatalogueSignedByANewlyTrustedKeyIsTaken() throws Exception {
        KeyPair next = Keys.generate(Keys.ED25519);
        ObjectNode json = bundles.json();
        json.withArray("trustedSigningKeys").add(Keys.toBase64(next.getPublic()));
        stage(1, json);
        updates.check();
        assertEquals(1, source.version());

        ConfigBundles.stage(d.store, "catalogue", bundles.catalogue(7, next.getPrivate()), 7, d.kiosk.clock.instant());
        d.kiosk.shell.finish();

        assertEquals(7, d.kiosk.ctx.catalogues().current().version());
    }

    @Test
    void anIdleKioskTakesAStagedCatalogueAtTheNextCheckButNotDuringAVisit() throws Exception {
        stage(1, bundles.json()); // the kiosk trusts the key the catalogues below are signed with
        updates.check();
        long before = d.kiosk.ctx.catalogues().current().version();
        d.kiosk.shell.start(); // a citizen is at it
        ConfigBundles.stage(d.store, "catalogue", bundles.catalogue(before + 1), before + 1, d.kiosk.clock.instant());

        updates.check();
        assertEquals(before, d.kiosk.ctx.catalogues().current().version(), "not during the visit");

        d.kiosk.shell.finish();
        assertEquals(before + 1, d.kiosk.ctx.catalogues().current().version());
        ConfigBundles.stage(d.store, "catalogue", bundles.catalogue(before + 2), before + 2, d.kiosk.clock.instant());

        updates.check(); // nobody comes: the timer's check takes it

        assertEquals(before + 2, d.kiosk.ctx.catalogues().current().version());
    }

    @Test
    void aRefusedConfigurationIsJournalledAndChangesNothing() throws Exception {
        stage(1, changed().put("kiosk", 9));

        updates.check();

        assertEquals(0, source.version());
        assertEquals(2, d.desk.attendants().size());
        assertEquals(
                1,
                DeviceState.read(d.store, DeviceState.refused("config"))
                        .orElseThrow()
                        .version());
        String reason = d.last("config.refused").body().get("reason").asText();
        assertTrue(reason.contains("it names kiosk 9, not 3"), reason);
    }
}
