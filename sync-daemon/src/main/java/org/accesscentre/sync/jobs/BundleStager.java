package org.accesscentre.sync.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.Release;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.io.AtomicFiles;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.device.bundle.VerifiedBundle;
import org.accesscentre.sync.net.PortalClient;
import org.accesscentre.sync.net.PortalException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a catalogue or configuration bundle when the portal announces a newer one, verifies it (signature
 * by a trusted key, every hash, a version newer than what the kiosk has, an app new enough for it, and for a
 * catalogue a catalogue that reads), and stages it for the app to apply between sessions. A refused bundle
 * is reported and the one in force stays; it is not fetched again until a newer version is announced.
 */
public final class BundleStager {
    private static final Logger LOG = LoggerFactory.getLogger(BundleStager.class);

    @FunctionalInterface
    public interface Fetcher {
        PortalClient.BundleFetch fetch(String kind, @Nullable String etag) throws PortalException;
    }

    private final LocalStore store;
    private final Path dir;
    private final List<PublicKey> trusted;

    public BundleStager(LocalStore store, Path dir, List<PublicKey> trusted) {
        this.store = store;
        this.dir = dir;
        this.trusted = List.copyOf(trusted);
    }

    /** The version the kiosk has of a kind: staged if one waits, else applied, else 0. */
    public long current(String kind) throws StoreException {
        long staged = DeviceState.read(store, DeviceState.staged(kind))
                .map(StagedBundle::version)
                .orElse(0L);
        long applied = DeviceState.read(store, DeviceState.applied(kind))
                .map(StagedBundle::version)
                .orElse(0L);
        return Math.max(staged, applied);
    }

    /** Whether an announced version is worth fetching: newer than ours, and not the one refused. */
    public boolean wants(String kind, long announced) throws StoreException {
        if (announced <= current(kind)) {
            return false;
        }
        Optional<BundleRefusal> refused = DeviceState.read(store, DeviceState.refused(kind));
        return refused.isEmpty() || refused.get().version() != announced;
    }

    /**
     * Fetches and stages; returns the refusal's reason, or null when staged or unchanged. A refusal is held
     * against the version the portal announced (or the one the answer names, if newer): an old answer
     * replayed under its own headers must not have the kiosk fetch it again at every heartbeat.
     */
    public @Nullable String fetch(String kind, long announced, Fetcher fetcher, Instant now)
            throws StoreException, PortalException {
        String etag = DeviceState.read(store, DeviceState.staged(kind))
                .or(() -> readQuietly(DeviceState.applied(kind)))
                .map(b -> "\"" + b.sha256() + "\"")
                .orElse(null);
        PortalClient.BundleFetch result = fetcher.fetch(kind, etag);
        if (!(result instanceof PortalClient.BundleFetch.Fetched fetched)) {
            return null;
        }
        try {
            StagedBundle staged = stage(kind, fetched.bytes(), now);
            DeviceState.write(store, DeviceState.staged(kind), staged, now);
            LOG.info("staged {} version {} for the app", kind, staged.version());
            return null;
        } catch (BundleException e) {
            return refuse(kind, Math.max(announced, fetched.version()), e.getMessage(), now);
        } catch (JsonInputException e) {
            return refuse(
                    kind,
                    Math.max(announced, fetched.version()),
                    "refused: the catalogue does not read: " + e.getMessage(),
                    now);
        }
    }

    private Optional<StagedBundle> readQuietly(DeviceState.Key<StagedBundle> key) {
        try {
            return DeviceState.read(store, key);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    private @Nullable String refuse(String kind, long version, String reason, Instant now) throws StoreException {
        LOG.warn("refused {} version {}: {}", kind, version, reason);
        DeviceState.write(store, DeviceState.refused(kind), new BundleRefusal(kind, version, reason, now), now);
        return reason;
    }

    private StagedBundle stage(String kind, byte[] bytes, Instant now)
            throws BundleException, JsonInputException, StoreException {
        BundleKind expected = BundleKind.fromJson(kind).orElseThrow();
        Path incoming = null;
        try {
            Files.createDirectories(dir);
            incoming = Files.createTempFile(dir, "incoming-" + kind + "-", ".bundle");
            Files.write(incoming, bytes);
            VerifiedBundle verified = new BundleVerifier(trusted)
                    .verify(incoming, current(kind) + 1)
                    .requireKind(expected);
            long version = verified.manifest().version();
            if (verified.manifest().minAppVersion() > Release.NUMBER) {
                throw BundleException.refused(
                        BundleException.Reason.INCOMPATIBLE,
                        kind + " version " + version + " needs app release "
                                + verified.manifest().minAppVersion() + "; this kiosk runs " + Release.NUMBER);
            }
            if (expected == BundleKind.CATALOGUE) {
                long inside = CatalogueReader.lenient()
                        .read(new ByteArrayInputStream(verified.read("catalogue.json")), "catalogue.json")
                        .version();
                if (inside != version) {
                    throw BundleException.refused(
                            BundleException.Reason.INCOMPATIBLE, "the catalogue inside says version " + inside);
                }
            }
            Path target = dir.resolve(kind + "-" + version + ".bundle");
            Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsyncDirectory(dir);
            incoming = null;
            return new StagedBundle(
                    kind, version, target.toString(), HexFormat.of().formatHex(sha256(bytes)), now);
        } catch (IOException e) {
            throw new StoreException("cannot stage the " + kind + " bundle in " + dir + ": " + e.getMessage(), e);
        } finally {
            if (incoming != null) {
                try {
                    Files.deleteIfExists(incoming);
                } catch (IOException ignored) {
                    // a leftover incoming file is harmless and replaced next time
                }
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
