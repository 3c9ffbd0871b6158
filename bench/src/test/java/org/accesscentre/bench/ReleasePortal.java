package org.accesscentre.bench;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.accesscentre.bench.sim.SteppedKiosk;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.portal.Connection;
import org.accesscentre.device.portal.PortalClient;
import org.accesscentre.device.portal.Provisioning;
import org.accesscentre.testing.ReleaseDirs;

/**
 * For tests of software rollouts: a real portal on loopback, the ICT office's admin client (kioskctl's), and
 * a signing key the portal trusts, with which releases are built, signed and published as the office does.
 */
final class ReleasePortal implements AutoCloseable {
    private static final ZoneId ZONE = ZoneId.of("America/St_Lucia");

    final BenchPortal portal;
    final PortalClient admin;
    private final URI uri;
    private final KeyPair signing = Keys.generate(Keys.ED25519);
    private final Path dir;
    private final Clock clock;

    private ReleasePortal(BenchPortal portal, Path dir, Clock clock) throws Exception {
        this.portal = portal;
        this.dir = dir;
        this.clock = clock;
        this.uri = URI.create(portal.portal.url());
        this.admin = PortalClient.connect(new Connection(uri, portal.adminToken()));
        admin.addSigningKey(Keys.toBase64(signing.getPublic()), "release signing");
    }

    /** @param clock the bundles' build time */
    static ReleasePortal start(Path dir, Clock clock) throws Exception {
        return new ReleasePortal(BenchPortal.start(dir.resolve("portal"), null, Clock.systemUTC()), dir, clock);
    }

    /**
     * A new kiosk's configuration, with a fresh enrolment code, its data under {@code dir/kiosks}, and the image's
     * release {@code image} in its first slot.
     */
    DeviceConfig kiosk(String centre, int number, Path image) throws Exception {
        Path data = dir.resolve("kiosks").resolve(centre + "-" + number).toAbsolutePath();
        DeviceConfig config = Provisioning.newKiosk(admin, centre, number, uri, List.of("en"), ZONE, data, null)
                .write(dir.resolve("kiosks").resolve(centre + "-" + number + ".json"));
        SteppedKiosk.image(data, image, ReleaseDirs.version(image));
        return config;
    }

    /** Builds a release bundle from a release directory, signs it, publishes it; returns the bundle's id. */
    long publish(Path releaseDir) throws Exception {
        long version = ReleaseDirs.version(releaseDir);
        Path bundle = dir.resolve("release-" + version + "-" + System.nanoTime() + ".bundle");
        new BundleBuilder(clock).build(BundleSpec.of(BundleKind.RELEASE, version), releaseDir, bundle);
        BundleSigner.sign(bundle, signing.getPrivate());
        return admin.publish(bundle, "all").path("id").asLong();
    }

    /** The release a device last reported, as the fleet view has it. */
    String reportedRelease(String deviceId) throws Exception {
        return admin.device(deviceId).path("device").path("appVersion").asText();
    }

    @Override
    public void close() throws java.sql.SQLException {
        portal.close();
    }
}
