package org.accesscentre.app.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.catalogue.DemoCatalogue;
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
import org.accesscentre.device.bundle.ManifestFile;
import org.accesscentre.device.bundle.VerifiedBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue in force on this kiosk: the last one applied from a signed bundle the daemon staged, or the
 * built-in demo catalogue when none ever was. A staged bundle is checked again (signature, hashes, newer
 * version) and applied only between sessions, so nobody's form changes under their fingers. A catalogue
 * bundle may carry UI words for a language, {@code strings/<locale>.properties}; they are kept next to it.
 */
public final class CatalogueSource {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogueSource.class);
    private static final String KIND = "catalogue";
    private static final Pattern STRINGS_FILE =
            Pattern.compile("strings/[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}\\.properties");

    /** What is in force: the catalogue, its version (0 for the built-in one) and where its words are. */
    public record InForce(Catalogue catalogue, long version, Optional<Path> stringsDir) {}

    private final LocalStore store;
    private List<PublicKey> trusted;
    private final Path dir;
    private InForce current;

    private CatalogueSource(LocalStore store, List<PublicKey> trusted, Path dir, InForce current) {
        this.store = store;
        this.trusted = List.copyOf(trusted);
        this.dir = dir;
        this.current = current;
    }

    /**
     * Opens with what was applied last time (checked again), else the built-in catalogue.
     *
     * @param dir where applied catalogues keep their words: {@code <dataDir>/catalogue}
     */
    public static CatalogueSource open(LocalStore store, List<PublicKey> trusted, Path dir) throws StoreException {
        CatalogueSource source =
                new CatalogueSource(store, trusted, dir, new InForce(DemoCatalogue.load(), 0, Optional.empty()));
        Optional<StagedBundle> applied = DeviceState.read(store, DeviceState.applied(KIND));
        if (applied.isPresent()) {
            try {
                source.current = source.load(applied.get(), 1);
            } catch (BundleException | IOException | JsonInputException e) {
                LOG.error(
                        "the catalogue applied last ({}) cannot be used: {}",
                        applied.get().file(),
                        e.getMessage());
            }
        }
        return source;
    }

    public InForce current() {
        return current;
    }

    /** The signing keys of a configuration applied since the start: the next catalogue is checked with them. */
    public void trust(List<PublicKey> keys) {
        trusted = List.copyOf(keys);
    }

    /**
     * Between sessions: applies the staged catalogue if it is newer than the one in force. Returns true when
     * a new one is in force. A bundle that fails the checks is refused (the daemon reports it) and the
     * catalogue in force stays.
     */
    public boolean applyStaged(Instant now) throws StoreException {
        Optional<StagedBundle> staged = DeviceState.read(store, DeviceState.staged(KIND));
        if (staged.isEmpty() || staged.get().version() <= current.version()) {
            return false;
        }
        try {
            InForce next = load(staged.get(), current.version() + 1);
            DeviceState.write(store, DeviceState.applied(KIND), staged.get(), now);
            current = next;
            LOG.info("catalogue version {} is in force", next.version());
            return true;
        } catch (BundleException | IOException | JsonInputException e) {
            LOG.warn("refused catalogue version {}: {}", staged.get().version(), e.getMessage());
            DeviceState.write(
                    store,
                    DeviceState.refused(KIND),
                    new BundleRefusal(KIND, staged.get().version(), "the app refused it: " + e.getMessage(), now),
                    now);
            return false;
        }
    }

    private InForce load(StagedBundle bundle, long minVersion) throws BundleException, IOException, JsonInputException {
        VerifiedBundle verified = new BundleVerifier(trusted)
                .verify(Path.of(bundle.file()), minVersion)
                .requireKind(BundleKind.CATALOGUE);
        Catalogue catalogue = CatalogueReader.lenient()
                .read(new ByteArrayInputStream(verified.read("catalogue.json")), "catalogue.json");
        long version = verified.manifest().version();
        List<ManifestFile> words = new ArrayList<>();
        for (ManifestFile f : verified.manifest().files()) {
            if (STRINGS_FILE.matcher(f.path()).matches()) {
                words.add(f);
            }
        }
        if (words.isEmpty()) {
            return new InForce(catalogue, version, Optional.empty());
        }
        Path target = dir.resolve("strings-" + version);
        Files.createDirectories(target);
        for (ManifestFile f : words) {
            AtomicFiles.write(target.resolve(f.path().substring("strings/".length())), verified.read(f.path()));
        }
        return new InForce(catalogue, version, Optional.of(target));
    }
}
