package org.accesscentre.device.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.bundle.BundleException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleBuilderTest {
    @TempDir
    Path dir;

    /** The archive format is the same for every kind; these tests show it with arbitrary files. */
    private final BundleBuilder builder = BundleBuilder.formatOnly(Fixtures.CLOCK);

    private final BundleBuilder checking = new BundleBuilder(Fixtures.CLOCK);

    private Path release(String... pathsAndContents) throws Exception {
        Path in = Files.createDirectories(dir.resolve("release"));
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = in.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return in;
    }

    private BundleException buildRefusal(BundleKind kind, Path in) {
        return assertThrows(
                BundleException.class,
                () -> (kind == BundleKind.RELEASE ? builder : checking)
                        .build(BundleSpec.of(kind, 1), in, dir.resolve("out.bundle")));
    }

    @Test
    void sameInputAndClockGiveIdenticalBytes() throws Exception {
        Path in = release("app/kiosk.jar", "jar bytes", "README", "hello");
        builder.build(BundleSpec.of(BundleKind.RELEASE, 4), in, dir.resolve("a.bundle"));
        builder.build(BundleSpec.of(BundleKind.RELEASE, 4), in, dir.resolve("b.bundle"));

        assertArrayEquals(Files.readAllBytes(dir.resolve("a.bundle")), Files.readAllBytes(dir.resolve("b.bundle")));
    }

    @Test
    void anyZipReaderSeesStoredEntriesInFixedOrderWithFixedTimes() throws Exception {
        Path in = release("z-last.txt", "z", "a/b/c.txt", "deep", "m.txt", "middle");
        Manifest manifest = builder.build(BundleSpec.of(BundleKind.RELEASE, 2), in, dir.resolve("r.bundle"));

        try (ZipFile zip = new ZipFile(dir.resolve("r.bundle").toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            assertEquals(
                    List.of("manifest.json", "files/a/b/c.txt", "files/m.txt", "files/z-last.txt", "signatures.json"),
                    entries.stream().map(ZipEntry::getName).toList());
            for (ZipEntry e : entries) {
                assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
                assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                assertEquals(null, e.getExtra(), e.getName());
            }
            assertEquals(
                    "deep",
                    new String(
                            zip.getInputStream(zip.getEntry("files/a/b/c.txt")).readAllBytes()));
            assertEquals(
                    "{\"signatures\":[]}\n",
                    new String(
                            zip.getInputStream(zip.getEntry("signatures.json")).readAllBytes()));
        }
        assertEquals(
                List.of("a/b/c.txt", "m.txt", "z-last.txt"),
                manifest.files().stream().map(ManifestFile::path).toList());
    }

    @Test
    void manifestRecordsSpecSizesAndHashes() throws Exception {
        Path in = release("a.txt", "abc");
        Manifest manifest = builder.build(
                new BundleSpec(BundleKind.RELEASE, 9, 3, Optional.of("June update")), in, dir.resolve("r.bundle"));

        BundleInspection inspection = BundleInspection.of(dir.resolve("r.bundle"));
        assertEquals(manifest, inspection.manifest());
        assertEquals(9, manifest.version());
        assertEquals(3, manifest.minAppVersion());
        assertEquals(Optional.of("June update"), manifest.label());
        assertEquals(Optional.of(Fixtures.CLOCK.instant()), manifest.createdAt());
        assertEquals(
                new ManifestFile("a.txt", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                manifest.files().getFirst());
        assertEquals(List.of(), inspection.signatureKeyIds());
        assertEquals(Optional.empty(), inspection.contentProblem());
    }

    @Test
    void symbolicLinkInTheInputIsRefused() throws Exception {
        Path in = release("real.txt", "x");
        Files.createSymbolicLink(in.resolve("link.txt"), Path.of("/etc/passwd"));

        BundleException e = buildRefusal(BundleKind.RELEASE, in);

        assertEquals(Reason.INVALID_INPUT, e.reason());
        assertEquals("cannot build: link.txt is a symbolic link; a bundle holds regular files only", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out.bundle")));
    }

    @Test
    void linkedDirectoryIsRefusedNotFollowed() throws Exception {
        Path in = release("real.txt", "x");
        Files.createSymbolicLink(in.resolve("etc"), Path.of("/etc"));

        assertEquals(
                "cannot build: etc is a symbolic link; a bundle holds regular files only",
                buildRefusal(BundleKind.RELEASE, in).getMessage());
    }

    @Test
    void fileNameABundleCannotHoldIsRefused() throws Exception {
        Path in = release("my notes.txt", "x");

        assertEquals(
                "cannot build: 'my notes.txt' cannot be in a bundle: names may only use letters, digits, '.', '_' and '-'",
                buildRefusal(BundleKind.RELEASE, in).getMessage());
    }

    @Test
    void namesDifferingOnlyInCaseAreRefused() throws Exception {
        Path in = release("Read.me", "a", "read.me", "b");

        assertEquals(
                "cannot build: 'Read.me' and 'read.me' differ only in case",
                buildRefusal(BundleKind.RELEASE, in).getMessage());
    }

    @Test
    void emptyDirectoryIsRefused() throws Exception {
        Path in = Files.createDirectories(dir.resolve("empty"));

        assertEquals(
                "cannot build: " + in + " has no files",
                buildRefusal(BundleKind.RELEASE, in).getMessage());
    }

    @Test
    void aCatalogueBundleCarriesTheCatalogueFilesOwnVersion() throws Exception {
        Path in = Files.createDirectories(dir.resolve("catalogue"));
        Files.writeString(in.resolve("catalogue.json"), Fixtures.catalogueJson(3));
        assertEquals(
                "cannot build: catalogue.json says version 3 but the bundle is version 1; make them the same",
                buildRefusal(BundleKind.CATALOGUE, in).getMessage());
        Manifest built = builder.build(BundleSpec.of(BundleKind.CATALOGUE, 3), in, dir.resolve("c.bundle"));
        assertEquals(3, built.version());
    }

    @Test
    void catalogueBundleNeedsAValidCatalogue() throws Exception {
        Path missing = release("notes.txt", "x");
        Path invalid = Files.createDirectories(dir.resolve("bad-catalogue"));
        Files.writeString(
                invalid.resolve("catalogue.json"), Fixtures.catalogueJson(3).replace("\"text\"", "\"txt\""));

        assertEquals(
                "cannot build: a catalogue bundle needs catalogue.json at the top of the input directory",
                buildRefusal(BundleKind.CATALOGUE, missing).getMessage());
        assertEquals(
                "cannot build: catalogue.json: services[0].txt: unknown property 'txt'",
                buildRefusal(BundleKind.CATALOGUE, invalid).getMessage());
    }

    @Test
    void configBundleNeedsAValidConfig() throws Exception {
        Path in = Files.createDirectories(dir.resolve("config"));
        Files.writeString(in.resolve("config.json"), "{\"format\": 1, \"centre\": \"sou\"}");

        assertEquals(
                "cannot build: config.json: centre: must be 3 upper-case letters, such as SOU, not 'sou'",
                buildRefusal(BundleKind.CONFIG, in).getMessage());
    }

    @Test
    void outputInsideTheInputDirectoryIsRefused() throws Exception {
        Path in = release("a.txt", "x");

        BundleException e = assertThrows(
                BundleException.class,
                () -> builder.build(BundleSpec.of(BundleKind.RELEASE, 1), in, in.resolve("self.bundle")));

        assertTrue(e.getMessage().startsWith("cannot build: the output "), e.getMessage());
    }

    @Test
    void rebuildReplacesTheOutputAndLeavesNoTemporaryFiles() throws Exception {
        Path in = release("a.txt", "x");
        Path out = dir.resolve("out").resolve("r.bundle");
        builder.build(BundleSpec.of(BundleKind.RELEASE, 1), in, out);
        builder.build(BundleSpec.of(BundleKind.RELEASE, 2), in, out);

        assertEquals(2, BundleInspection.of(out).manifest().version());
        try (var listing = Files.list(out.getParent())) {
            assertEquals(List.of(out), listing.toList());
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void specRefusesVersionZeroAndMultiLineLabels() {
        assertThrows(IllegalArgumentException.class, () -> BundleSpec.of(BundleKind.RELEASE, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BundleSpec(BundleKind.RELEASE, 1, 0, Optional.of("two\nlines")));
        assertThrows(IllegalArgumentException.class, () -> new BundleSpec(BundleKind.RELEASE, 1, -1, Optional.empty()));
    }

    @Test
    void bundlesAreReadableAsUtf8Json() throws Exception {
        Path in = release("a.txt", "x");
        builder.build(
                new BundleSpec(BundleKind.RELEASE, 1, 0, Optional.of("Mise à jour de juin")),
                in,
                dir.resolve("r.bundle"));

        String manifest =
                new String(TestBundles.contents(dir.resolve("r.bundle")).get("manifest.json"), StandardCharsets.UTF_8);

        assertTrue(manifest.contains("\"label\" : \"Mise à jour de juin\""), manifest);
    }
}
