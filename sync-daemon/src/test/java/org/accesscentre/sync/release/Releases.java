package org.accesscentre.sync.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.testing.ReleaseDirs;

/** Real signed release bundles, built by kioskctl's own builder, and an installer to put them on a kiosk. */
final class Releases {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T09:00:00Z"), ZoneOffset.UTC);
    static final DeviceVersions DEVICE = new DeviceVersions(10, 10, 10);
    static final long MAX_BYTES = 64L << 20;

    final Path dir;
    final KeyPair key = Keys.generate(Keys.ED25519);
    final OkHttpClient client = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(java.time.Duration.ofSeconds(1))
            .build();

    Releases(Path dir) {
        this.dir = dir;
    }

    Path releaseDir(long version) throws IOException {
        return ReleaseDirs.write(dir.resolve("in-" + version + "-" + System.nanoTime()), version);
    }

    /** A signed release bundle of a release directory. */
    byte[] bundle(Path in, long version) throws IOException, BundleException {
        Path out = dir.resolve("release-" + version + "-" + System.nanoTime() + ".bundle");
        new BundleBuilder(CLOCK).build(BundleSpec.of(BundleKind.RELEASE, version), in, out);
        BundleSigner.sign(out, key.getPrivate());
        return Files.readAllBytes(out);
    }

    byte[] bundle(long version) throws IOException, BundleException {
        return bundle(releaseDir(version), version);
    }

    ReleaseInstaller installer(Path root, Supervisor supervisor, InstallProgress progress) throws IOException {
        return new ReleaseInstaller(
                new ReleaseSlots(root, progress),
                new BundleVerifier(List.of(key.getPublic())),
                new ResumableDownload(client, MAX_BYTES),
                supervisor,
                progress);
    }

    static ReleaseOffer offer(BundleServer server, long version, byte[] bundle) {
        return ReleaseOffer.of(version, server.url(), bundle.length, CraftedBundles.sha256(bundle));
    }

    /** Everything under the release directory but the journal and downloads: slots and links, with targets. */
    static Map<String, String> slotsAndLinks(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || rel.equals(InstallJournal.FILE) || rel.startsWith(ReleaseSlots.DOWNLOADS)) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    state.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    state.put(rel, CraftedBundles.sha256(Files.readAllBytes(p)));
                } else {
                    state.put(rel, "dir");
                }
            }
        }
        return state;
    }
}
