package org.accesscentre.app.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.accesscentre.core.Release;
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
import org.accesscentre.device.config.ConfigChange;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.device.config.DeviceConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device configuration in force (see {@link DeviceConfigs}), and a newer one the daemon staged, applied
 * between sessions. The staged bundle is checked again (a signature by a key the configuration in force
 * trusts, kind config, a newer version, an app release new enough, {@code config.json} read strictly) and
 * refused if it would move the kiosk or cut it off ({@link ConfigChange#pushed}). A refusal is written to
 * device state {@code refused.config}, which the daemon reports in its heartbeat; the configuration in force
 * stays, and that version is not tried again. An applied one's {@code config.json} is kept in the data
 * directory with the one before it, and recorded as {@code applied.config}.
 */
public final class ConfigSource {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigSource.class);
    private static final String KIND = "config";

    /** What looking at the staged configuration came to. */
    public sealed interface Outcome permits Unchanged, Applied, Refused {}

    /** Nothing staged, nothing newer, or a version refused before. */
    public record Unchanged() implements Outcome {}

    /**
     * A newer configuration is in force.
     *
     * @param onRestart settings that changed but take effect only when a process restarts ({@link Restart})
     */
    public record Applied(DeviceConfig config, long version, List<String> onRestart) implements Outcome {
        public Applied {
            onRestart = List.copyOf(onRestart);
        }
    }

    public record Refused(long version, String reason) implements Outcome {}

    private final LocalStore store;
    private final Path dataDir;
    private DeviceConfigs.Candidate current;

    private ConfigSource(LocalStore store, Path dataDir, DeviceConfigs.Candidate current) {
        this.store = store;
        this.dataDir = dataDir;
        this.current = current;
    }

    /**
     * Takes over what the start found: a kept configuration that was refused is set aside and reported (the
     * newest of those above the one in force), and {@code applied.config} is made to say what is in force, so
     * the heartbeat tells the portal the kiosk went back.
     */
    public static ConfigSource open(LocalStore store, DeviceConfigs.Resolution found, Instant now)
            throws StoreException {
        DeviceConfigs.Candidate inForce = found.inForce();
        for (DeviceConfigs.Refused r : found.refused()) {
            LOG.error("the configuration kept for version {} is not used: {}", r.version(), r.reason());
            setAside(r.file());
        }
        Optional<DeviceConfigs.Refused> newest = found.refused().stream()
                .filter(r -> r.version() > inForce.version())
                .max(Comparator.comparingLong(DeviceConfigs.Refused::version));
        if (newest.isPresent()) {
            refuse(
                    store,
                    newest.get().version(),
                    "the app refused it at start: " + newest.get().reason(),
                    now);
        }
        long recorded = DeviceState.read(store, DeviceState.applied(KIND))
                .map(StagedBundle::version)
                .orElse(0L);
        if (recorded != inForce.version()) {
            DeviceState.write(store, DeviceState.applied(KIND), record(store, inForce, now), now);
        }
        if (inForce.pushed()) {
            LOG.info("configuration version {} is in force", inForce.version());
        }
        return new ConfigSource(store, inForce.config().dataDir(), inForce);
    }

    public DeviceConfig config() {
        return current.config();
    }

    /** The bundle version of the configuration in force; 0 for the file given with {@code --config}. */
    public long version() {
        return current.version();
    }

    /**
     * Between sessions only: applies the staged configuration if it is newer than the one in force and was
     * not refused before.
     */
    public Outcome applyStaged(Instant now) throws StoreException {
        Optional<StagedBundle> staged = DeviceState.read(store, DeviceState.staged(KIND));
        if (staged.isEmpty() || staged.get().version() <= current.version()) {
            return new Unchanged();
        }
        long version = staged.get().version();
        Optional<BundleRefusal> refused = DeviceState.read(store, DeviceState.refused(KIND));
        if (refused.isPresent() && refused.get().version() == version) {
            // Refused once, refused again: the ICT office answers a refusal with a newer version.
            return new Unchanged();
        }
        DeviceConfig next;
        try {
            Checked checked = checked(staged.get());
            keep(version, checked.json());
            next = checked.config();
        } catch (BundleException e) {
            return refusal(version, "the app refused it: " + e.detail(), now);
        } catch (JsonInputException e) {
            return refusal(version, "the app refused it: " + e.getMessage(), now);
        } catch (IOException e) {
            return refusal(version, "the app could not use it: " + e.getMessage(), now);
        }
        DeviceState.write(store, DeviceState.applied(KIND), staged.get(), now);
        DeviceConfigs.Candidate before = current;
        current = new DeviceConfigs.Candidate(
                next.withEnrolmentCode(before.config().enrolmentCode()),
                version,
                Optional.of(DeviceConfigs.kept(dataDir, version)));
        prune(before.version());
        List<String> onRestart = Restart.needed(before.config(), current.config());
        LOG.info(
                "configuration version {} is in force{}",
                version,
                onRestart.isEmpty() ? "" : "; when the app or daemon restarts: " + String.join(", ", onRestart));
        return new Applied(current.config(), version, onRestart);
    }

    private record Checked(byte[] json, DeviceConfig config) {}

    /** config.json from a staged bundle that passes every check, as bytes and as read. */
    private Checked checked(StagedBundle staged) throws BundleException, IOException, JsonInputException {
        VerifiedBundle verified = new BundleVerifier(current.config().trustedSigningKeys())
                .verify(Path.of(staged.file()), current.version() + 1)
                .requireKind(BundleKind.CONFIG);
        long version = verified.manifest().version();
        if (version != staged.version()) {
            throw BundleException.refused(
                    BundleException.Reason.INCOMPATIBLE,
                    "the bundle says version " + version + ", staged as " + staged.version());
        }
        if (verified.manifest().minAppVersion() > Release.NUMBER) {
            throw BundleException.refused(
                    BundleException.Reason.INCOMPATIBLE,
                    "it needs app release " + verified.manifest().minAppVersion() + "; this kiosk runs "
                            + Release.NUMBER);
        }
        byte[] json = verified.read("config.json");
        DeviceConfig next = DeviceConfigReader.strict().read(new ByteArrayInputStream(json), "config.json");
        Optional<String> why = ConfigChange.pushed(current.config(), next, verified.signedBy());
        if (why.isPresent()) {
            throw BundleException.refused(BundleException.Reason.INCOMPATIBLE, why.get());
        }
        return new Checked(json, next);
    }

    /** Owner only: the file lists the attendants' PIN hashes. */
    private void keep(long version, byte[] json) throws IOException {
        Path file = DeviceConfigs.kept(dataDir, version);
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, json, AtomicFiles.OWNER_ONLY);
    }

    /** Removes kept files older than the one before the one in force; that one stays to fall back on. */
    private void prune(long previous) {
        Path dir = DeviceConfigs.dir(dataDir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                OptionalLong v = DeviceConfigs.versionOf(
                        name.endsWith(DeviceConfigs.REFUSED)
                                ? f.resolveSibling(name.substring(0, name.length() - DeviceConfigs.REFUSED.length()))
                                : f);
                if (v.isPresent() && v.getAsLong() < previous) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot tidy the kept configurations in {}: {}", dir, e.getMessage());
        }
    }

    private Outcome refusal(long version, String reason, Instant now) throws StoreException {
        LOG.warn("refused configuration version {}: {}", version, reason);
        refuse(store, version, reason, now);
        return new Refused(version, reason);
    }

    private static void refuse(LocalStore store, long version, String reason, Instant now) throws StoreException {
        DeviceState.write(store, DeviceState.refused(KIND), new BundleRefusal(KIND, version, reason, now), now);
    }

    /** Renames a refused kept file, so neither process reads it again; it stays for whoever looks into it. */
    private static void setAside(Path file) {
        try {
            Files.move(
                    file,
                    file.resolveSibling(file.getFileName() + DeviceConfigs.REFUSED),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.fsyncDirectory(file.getParent());
        } catch (IOException e) {
            LOG.warn("cannot set {} aside: {}", file, e.getMessage());
        }
    }

    /**
     * What {@code applied.config} says for a configuration: the staged record when it is that version (its
     * digest is the portal's ETag for the bundle), else one for the kept file; version 0 is the file given
     * with {@code --config}.
     */
    private static StagedBundle record(LocalStore store, DeviceConfigs.Candidate c, Instant now) throws StoreException {
        Optional<StagedBundle> staged = DeviceState.read(store, DeviceState.staged(KIND));
        if (staged.isPresent() && staged.get().version() == c.version()) {
            return staged.get();
        }
        if (c.file().isEmpty()) {
            return new StagedBundle(KIND, 0, "", "", now);
        }
        Path file = c.file().get();
        String sha256;
        try {
            sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            sha256 = "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new StagedBundle(KIND, c.version(), file.toString(), sha256, now);
    }
}
