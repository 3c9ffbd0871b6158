package org.accesscentre.device.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.bundle.BundleException.Reason;
import org.accesscentre.device.bundle.TestBundles.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedBundleTest {
    @TempDir
    Path dir;

    private SigningKey key;

    @BeforeEach
    void key() throws Exception {
        key = TestBundles.signingKey(dir.resolve("keys"));
    }

    private VerifiedBundle releaseWith(String... pathsAndContents) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = in.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        Path bundle = dir.resolve("release.bundle");
        BundleBuilder.formatOnly(Fixtures.CLOCK).build(BundleSpec.of(BundleKind.RELEASE, 1), in, bundle);
        BundleSigner.sign(bundle, key.pair().getPrivate());
        return new BundleVerifier(List.of(key.pair().getPublic())).verify(bundle, 1);
    }

    @Test
    void extractionWritesEveryFileUnderTheTarget() throws Exception {
        VerifiedBundle bundle = releaseWith("lib/a.jar", "aaa", "lib/deep/b.jar", "bbb", "run.txt", "go");
        Path target = dir.resolve("staging");

        bundle.extractTo(target);

        assertEquals("aaa", Files.readString(target.resolve("lib/a.jar")));
        assertEquals("bbb", Files.readString(target.resolve("lib/deep/b.jar")));
        assertEquals("go", Files.readString(target.resolve("run.txt")));
        try (var all = Files.walk(target)) {
            assertEquals(6, all.count()); // target, lib, lib/deep and three files
        }
    }

    @Test
    void extractionRefusesATargetThatIsNotEmptyOrIsALink() throws Exception {
        VerifiedBundle bundle = releaseWith("a.txt", "a");
        Path used = Files.createDirectories(dir.resolve("used"));
        Files.writeString(used.resolve("old.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link"), Files.createDirectories(dir.resolve("elsewhere")));

        assertThrows(FileAlreadyExistsException.class, () -> bundle.extractTo(used));
        assertThrows(java.io.IOException.class, () -> bundle.extractTo(link));
        try (var elsewhere = Files.list(dir.resolve("elsewhere"))) {
            assertEquals(0, elsewhere.count());
        }
    }

    @Test
    void fileSwappedOnDiskAfterVerificationIsRefusedWhenRead() throws Exception {
        VerifiedBundle bundle = releaseWith("a.txt", "original");
        byte[] bytes = Files.readAllBytes(bundle.file());
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("original");
        Files.write(bundle.file(), TestBundles.flipped(bytes, at, 0x20));

        BundleException onRead = assertThrows(BundleException.class, () -> bundle.read("a.txt"));
        BundleException onExtract = assertThrows(BundleException.class, () -> bundle.extractTo(dir.resolve("t")));

        assertEquals(Reason.FILE_MISMATCH, onRead.reason());
        assertEquals("refused: files/a.txt changed after the bundle was verified", onRead.getMessage());
        assertEquals(Reason.FILE_MISMATCH, onExtract.reason());
        assertEquals(false, Files.exists(dir.resolve("t/a.txt")));
    }

    @Test
    void readingAFileTheBundleDoesNotHaveIsRefused() throws Exception {
        VerifiedBundle bundle = releaseWith("a.txt", "a");

        BundleException e = assertThrows(BundleException.class, () -> bundle.read("catalogue.json"));

        assertEquals("refused: the bundle has no file 'catalogue.json'", e.getMessage());
    }

    @Test
    void bundleOfAnotherKindIsRefusedWhereOneKindIsNeeded() throws Exception {
        VerifiedBundle bundle = releaseWith("catalogue.json", "{}");

        BundleException e = assertThrows(BundleException.class, () -> bundle.requireKind(BundleKind.CATALOGUE));

        assertEquals(Reason.WRONG_KIND, e.reason());
        assertEquals("refused: this is a release bundle, not a catalogue bundle", e.getMessage());
        assertEquals(bundle, bundle.requireKind(BundleKind.RELEASE));
    }
}
