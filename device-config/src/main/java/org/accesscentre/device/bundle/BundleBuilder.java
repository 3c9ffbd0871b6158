package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.INVALID_INPUT;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.config.DeviceConfigReader;

/**
 * Builds an unsigned bundle from a directory. The content is checked first: a catalogue bundle needs a
 * {@code catalogue.json} that {@link CatalogueReader#strict()} accepts, a config bundle a {@code config.json}
 * that {@link DeviceConfigReader#strict()} accepts, so nothing that a kiosk would refuse gets signed.
 *
 * <p>The same directory and spec at the same instant give the same bytes; only {@code createdAt} in the
 * manifest depends on the clock.
 */
public final class BundleBuilder {
    private final Clock clock;
    private final boolean checkContent;

    public BundleBuilder(Clock clock) {
        this(clock, true);
    }

    /**
     * A builder that skips the per-kind content checks, for tests of the archive format itself, which is
     * the same for every kind and is best shown with arbitrary files.
     */
    static BundleBuilder formatOnly(Clock clock) {
        return new BundleBuilder(clock, false);
    }

    private BundleBuilder(Clock clock, boolean checkContent) {
        this.clock = clock;
        this.checkContent = checkContent;
    }

    /**
     * Writes a new unsigned bundle of the files under {@code inputDir} to {@code output}, replacing it
     * atomically if it exists.
     *
     * @return the manifest written
     * @throws BundleException if the directory or its content cannot go into a bundle
     */
    public Manifest build(BundleSpec spec, Path inputDir, Path output) throws IOException, BundleException {
        if (!Files.isDirectory(inputDir)) {
            throw invalid(inputDir + " is not a directory");
        }
        Path root = inputDir.toRealPath();
        Path out = output.toAbsolutePath().normalize();
        Path outDir = out.getParent();
        Path realOutDir = outDir != null && Files.isDirectory(outDir) ? outDir.toRealPath() : out;
        // Otherwise a second build would put the first bundle inside the new one.
        if (out.startsWith(root) || realOutDir.startsWith(root)) {
            throw invalid("the output " + output + " must not be inside the input directory " + inputDir);
        }
        if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw invalid(output + " is a directory");
        }
        List<InputScanner.Source> sources = InputScanner.scan(root);
        if (sources.isEmpty()) {
            throw invalid(inputDir + " has no files");
        }
        if (checkContent) {
            checkContent(spec.kind(), spec.version(), root);
            if (spec.kind() == BundleKind.RELEASE) {
                checkRelease(sources, spec.version(), root);
            }
        }

        List<ContentDigest> digests = digests(sources);
        List<ManifestFile> files = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            files.add(new ManifestFile(
                    sources.get(i).path(), digests.get(i).size(), digests.get(i).sha256()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Manifest manifest =
                new Manifest(spec.kind(), spec.version(), spec.minAppVersion(), spec.label(), Optional.of(now), files);
        byte[] manifestBytes = ManifestCodec.write(manifest);
        if (manifestBytes.length > BundleLimits.MAX_MANIFEST_BYTES) {
            throw invalid("the manifest would be " + manifestBytes.length + " bytes; the limit is "
                    + BundleLimits.MAX_MANIFEST_BYTES);
        }

        BundleContents contents = new BundleContents(manifestBytes, List.of());
        for (int i = 0; i < sources.size(); i++) {
            Path file = sources.get(i).file();
            ContentDigest expected = digests.get(i);
            String name = sources.get(i).path();
            contents.add(BundlePaths.entryName(name), expected, sink -> {
                ContentDigest written;
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    written = FileRanges.copy(in, sink);
                }
                if (!written.equals(expected)) {
                    throw invalid(name + " changed while the bundle was being built; build again");
                }
            });
        }
        contents.writeTo(out);
        return manifest;
    }

    /** Sizes from the listing are checked first, so a huge file is refused before it is read. */
    private static List<ContentDigest> digests(List<InputScanner.Source> sources) throws IOException, BundleException {
        long listed = sources.stream().mapToLong(InputScanner.Source::size).sum();
        if (listed > BundleLimits.MAX_TOTAL_BYTES) {
            throw invalid("the files add up to " + listed + " bytes; the limit is " + BundleLimits.MAX_TOTAL_BYTES);
        }
        List<ContentDigest> digests = new ArrayList<>();
        long total = 0;
        for (InputScanner.Source source : sources) {
            ContentDigest digest;
            try (InputStream in = Files.newInputStream(source.file(), LinkOption.NOFOLLOW_LINKS)) {
                digest = FileRanges.copy(in, OutputStream.nullOutputStream());
            }
            total += digest.size();
            if (total > BundleLimits.MAX_TOTAL_BYTES) {
                throw invalid("the files grew past " + BundleLimits.MAX_TOTAL_BYTES + " bytes while being read");
            }
            digests.add(digest);
        }
        return digests;
    }

    private static void checkContent(BundleKind kind, long version, Path root) throws BundleException {
        Optional<String> required = kind.requiredFile();
        if (required.isEmpty()) {
            return;
        }
        Path file = root.resolve(required.get());
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw invalid("a " + kind + " bundle needs " + required.get() + " at the top of the input directory");
        }
        try {
            switch (kind) {
                case CATALOGUE -> {
                    long inside = CatalogueReader.strict().read(file).version();
                    if (inside != version) {
                        // One catalogue, one version number: the kiosk and the portal compare this one.
                        throw invalid("catalogue.json says version " + inside + " but the bundle is version " + version
                                + "; make them the same");
                    }
                }
                case CONFIG -> DeviceConfigReader.strict().read(file);
                case RELEASE -> {}
            }
        } catch (JsonInputException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Sizes come from the listing, so an absurd file is refused before anything is read. */
    private static void checkRelease(List<InputScanner.Source> sources, long version, Path root)
            throws IOException, BundleException {
        List<ReleaseLayout.Item> items = sources.stream()
                .map(s -> new ReleaseLayout.Item(s.path(), s.size()))
                .toList();
        Optional<String> problem = ReleaseLayout.problem(items);
        if (problem.isPresent()) {
            throw invalid("not a release: " + problem.get());
        }
        try {
            byte[] json = Files.readAllBytes(root.resolve(ReleaseInfo.FILE));
            long inside = ReleaseInfo.read(json, true).version();
            if (inside != version) {
                throw invalid("release.json says version " + inside + " but the bundle is version " + version
                        + "; make them the same");
            }
        } catch (JsonInputException e) {
            throw invalid(e.getMessage());
        }
    }

    private static BundleException invalid(String detail) {
        return BundleException.cannot("build", INVALID_INPUT, detail);
    }
}
