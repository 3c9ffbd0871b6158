package org.accesscentre.sync.faults;

import static org.accesscentre.sync.support.Delivered.assertAllStillQueued;
import static org.accesscentre.sync.support.Delivered.assertPortalHoldsExactly;
import static org.accesscentre.sync.support.PortalFront.PATH_BATCHES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.sync.support.PortalFront;
import org.accesscentre.sync.support.TestKiosk;
import org.accesscentre.testing.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS between the kiosk and the portal going wrong: a certificate the kiosk does not trust, and a trusted
 * certificate that is not the one pinned in the configuration. The kiosk enrols over plain loopback first,
 * takes requests, and is then pointed at an https front of the portal, as a configuration update would.
 */
class TlsFaultTest {
    private static final int ROUNDS_OFFLINE = 3;

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private final HeldCertificate authority = new HeldCertificate.Builder()
            .certificateAuthority(0)
            .commonName("Access Centre test CA")
            .build();
    private final HeldCertificate server = new HeldCertificate.Builder()
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .signedBy(authority)
            .build();

    private TestPortal portal;
    private TestKiosk kiosk;
    private List<Receipt> receipts;

    @BeforeEach
    void start() throws Exception {
        portal = TestPortal.start(TestPortal.Db.SQLITE, dir.resolve("portal"), clock);
        kiosk = TestKiosk.create(portal, dir.resolve("kiosk"), "SOU", 3, portal.portal.url(), clock);
        kiosk.round();
        receipts = kiosk.submit(20, new Random(20));
    }

    @AfterEach
    void stop() throws Exception {
        kiosk.close();
        portal.close();
    }

    private PortalFront httpsFront() throws Exception {
        HandshakeCertificates certificates = new HandshakeCertificates.Builder()
                .heldCertificate(server, authority.certificate())
                .build();
        return PortalFront.startTls(portal.portal.url(), certificates.sslSocketFactory());
    }

    private SyncStatus status() throws Exception {
        return DeviceState.read(kiosk.app, DeviceState.SYNC).orElseThrow();
    }

    private void assertOfflineFor(String reason, PortalFront front) throws Exception {
        for (int i = 0; i < ROUNDS_OFFLINE; i++) {
            kiosk.round();
            SyncStatus s = status();
            assertFalse(s.online(), s.toString());
            assertTrue(s.reason().contains(reason), s.reason());
        }
        assertEquals(List.of(), front.exchanges(), "no request may pass a failed TLS check");
        assertAllStillQueued(kiosk, receipts);
        assertEquals(0, portal.txStats().get("received").asLong());
    }

    private static String pin(java.security.cert.X509Certificate certificate) {
        return CertificatePinner.pin(certificate).substring("sha256/".length());
    }

    @Test
    void aCertificateTheKioskDoesNotTrustKeepsItOfflineAndLosesNothing() throws Exception {
        try (PortalFront front = httpsFront()) {
            kiosk.repoint(front.url(), List.of());

            assertOfflineFor("secure connection", front);
        }

        kiosk.repoint(portal.portal.url(), List.of());
        kiosk.drainAll(10);

        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    @Test
    void aTrustedCertificateThatIsNotThePinnedOneKeepsTheKioskOfflineAndThePinnedOneDrains() throws Exception {
        String wrong = pin(new HeldCertificate.Builder().build().certificate());
        TrustStore trusted = TrustStore.trusting(authority, dir.resolve("trust.p12"));
        try (PortalFront front = httpsFront()) {
            kiosk.repoint(front.url(), List.of(wrong));

            assertOfflineFor("pinned", front);

            // The same front and certificate with the right pin (and a backup): the queue drains over TLS.
            kiosk.repoint(front.url(), List.of(wrong, pin(server.certificate())));
            kiosk.drainAll(10);

            assertTrue(front.count(PATH_BATCHES) > 0, "drained through the https front: " + front.exchanges());
            assertTrue(status().online(), status().toString());
        } finally {
            trusted.restore();
        }
        assertPortalHoldsExactly(portal, kiosk, receipts);
    }

    /**
     * The JVM's default trust store, swapped for one that trusts the test authority and put back afterwards.
     * The daemon's client uses the platform trust manager, read from these properties when it is built; there
     * is no other way to make it trust a test certificate without changing the daemon.
     */
    private static final class TrustStore {
        private static final String[] PROPERTIES = {
            "javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStorePassword"
        };
        private final @Nullable String[] saved = new String[PROPERTIES.length];

        private TrustStore(Path file) {
            for (int i = 0; i < PROPERTIES.length; i++) {
                saved[i] = System.getProperty(PROPERTIES[i]);
            }
            System.setProperty(PROPERTIES[0], file.toString());
            System.setProperty(PROPERTIES[1], "PKCS12");
            System.setProperty(PROPERTIES[2], "changeit");
        }

        static TrustStore trusting(HeldCertificate authority, Path file) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("access-centre-test-ca", authority.certificate());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, "changeit".toCharArray());
            }
            return new TrustStore(file);
        }

        void restore() {
            for (int i = 0; i < PROPERTIES.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(PROPERTIES[i]);
                } else {
                    System.setProperty(PROPERTIES[i], saved[i]);
                }
            }
        }
    }
}
