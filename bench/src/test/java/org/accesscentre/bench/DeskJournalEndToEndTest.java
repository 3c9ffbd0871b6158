package org.accesscentre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.desk.Desk;
import org.accesscentre.app.desk.DeskSettings;
import org.accesscentre.app.desk.PinGate;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.receipt.PngReceiptPrinter;
import org.accesscentre.core.Release;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.NewSubmission;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.Attendant;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.IdlePolicy;
import org.accesscentre.device.config.NewKioskConfig;
import org.accesscentre.device.config.OpeningHours;
import org.accesscentre.device.config.SessionPolicy;
import org.accesscentre.device.pin.PinHasher;
import org.accesscentre.sync.SyncDaemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attendant's records end to end, with every real part: the kiosk app's desk writes them to the kiosk's
 * store, the sync daemon sends them to a real portal over HTTP on loopback, and the ICT office reads them
 * back from the admin API: an attendant signing in, a session that ended, and cash confirmed for a fee.
 */
class DeskJournalEndToEndTest {
    private static final ZoneId ZONE = ZoneId.of("America/St_Lucia");

    @TempDir
    Path dir;

    @Test
    void anAttendantsActionAnEndedSessionAndConfirmedCashReachThePortal() throws Exception {
        Clock clock = Clock.systemUTC();
        try (BenchPortal portal = BenchPortal.start(dir.resolve("portal"), null, clock)) {
            DeviceConfig config = new NewKioskConfig(
                            "SOU",
                            4,
                            URI.create(portal.portal.url()),
                            Keys.toBase64(portal.envelopeKey()),
                            List.of(Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())),
                            List.of("en"),
                            ZONE,
                            dir.resolve("kiosk").toAbsolutePath(),
                            portal.enrolmentCode("SOU", 4))
                    .write(dir.resolve("config.json"));
            SyncDaemon daemon =
                    SyncDaemon.open(config, clock, "desk-e2e/" + Release.NUMBER, SyncDaemon.Options.DEFAULTS);
            try (SqliteStore store = SqliteStore.open(SyncDaemon.storeFile(config.dataDir()), StoreOptions.DEFAULTS)) {
                daemon.engine().runDue(); // enrols

                Attendant marie = new Attendant(
                        "marie",
                        "Marie",
                        new PinHasher(PinHasher.MIN_ITERATIONS, new SecureRandom()).hash("2468".toCharArray()));
                KioskContext ctx = new KioskContext(
                        clock,
                        ZONE,
                        "SOU",
                        4,
                        config.portal().envelopeKey(),
                        store,
                        CatalogueSource.open(store, config.trustedSigningKeys(), dir.resolve("catalogue")),
                        List.of("en"),
                        IdlePolicy.DEFAULT,
                        Runnable::run,
                        Runnable::run,
                        new PngReceiptPrinter(dir.resolve("receipts")));
                ShellViewModel shell = new ShellViewModel(ctx);
                Desk desk = new Desk(
                        ctx,
                        store.journal(),
                        new DeskSettings(List.of(marie), SessionPolicy.DEFAULT, OpeningHours.unrestricted()),
                        shell);

                List<PinGate.Outcome> outcomes = new ArrayList<>();
                desk.signIn(marie, "2468".toCharArray(), outcomes::add);
                assertInstanceOf(PinGate.Outcome.Granted.class, outcomes.getFirst());
                desk.startSession("A-001");
                desk.endSession();
                ReferenceNumber reference = store.submit(new NewSubmission(
                                "SOU",
                                4,
                                UUID.randomUUID(),
                                "birth-certificate",
                                1,
                                1,
                                2500,
                                "XCD",
                                clock.instant(),
                                new byte[] {1, 2, 3}))
                        .reference();
                desk.cash().confirm(reference, 2500, "004512");
                assertTrue(store.journal().unsentCount() >= 4);

                daemon.engine().newSubmissions();
                for (int round = 0; round < 5 && store.journal().unsentCount() > 0; round++) {
                    daemon.engine().runDue();
                }
                assertEquals(0, store.journal().unsentCount(), "the daemon sent the desk's records and marked them");
            } finally {
                daemon.close();
            }

            JsonNode events = portal.http
                    .get("/api/v1/admin/events?limit=100", portal.adminToken())
                    .expect(200, "GET /api/v1/admin/events")
                    .as(JsonNode.class);
            List<String> kinds = new ArrayList<>();
            events.forEach(e -> kinds.add(e.get("kind").asText()));
            assertTrue(
                    kinds.containsAll(
                            List.of("attendant.signed_in", "session.started", "session.ended", "payment.confirmed")),
                    kinds.toString());
            JsonNode paid = find(events, "payment.confirmed");
            assertEquals("004512", paid.get("body").get("cashReceipt").asText());
            assertEquals(2500, paid.get("body").get("amountCents").asLong());
            assertEquals("marie", paid.get("body").get("attendant").asText());
            assertEquals("SOU", paid.get("centre").asText());
            JsonNode ended = find(events, "session.ended");
            assertEquals("ended_by_attendant", ended.get("body").get("reason").asText());
            assertEquals("A-001", ended.get("body").get("ticket").asText());
        }
    }

    private static JsonNode find(JsonNode events, String kind) {
        for (JsonNode e : events) {
            if (kind.equals(e.get("kind").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " in " + events);
    }
}
