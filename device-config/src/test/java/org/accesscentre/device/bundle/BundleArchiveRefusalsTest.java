package org.accesscentre.device.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.accesscentre.device.bundle.BundleException.Reason;
import org.accesscentre.device.bundle.TestBundles.Entry;
import org.accesscentre.device.bundle.TestBundles.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives refused before their manifest is even read: not ZIP, not ours, or with entries that are not allowed. */
class BundleArchiveRefusalsTest {
    @TempDir
    Path dir;

    private SigningKey key;
    private Path bundle;
    private Map<String, byte[]> parts;

    @BeforeEach
    void signedBundle() throws Exception {
        key = TestBundles.signingKey(dir.resolve("keys"));
        bundle = TestBundles.signedCatalogue(dir, 7, key);
        parts = TestBundles.contents(bundle);
    }

    private VerifiedBundle verify(Path file, long minVersion) throws Exception {
        return new BundleVerifier(List.of(key.pair().getPublic())).verify(file, minVersion);
    }

    private BundleException refusal(Path file) {
        return assertThrows(BundleException.class, () -> verify(file, 1));
    }

    private Path handMade(List<Entry> entries) throws IOException {
        return TestBundles.write(dir.resolve("hand-made.bundle"), entries);
    }

    private Entry part(String name) {
        return new Entry(name, parts.get(name));
    }

    @Test
    void compressedEntryIsRefused() throws Exception {
        Path deflated = dir.resolve("deflated.bundle");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(deflated))) {
            for (Entry e : TestBundles.entries(bundle)) {
                zip.putNextEntry(new ZipEntry(e.name()));
                zip.write(e.bytes());
                zip.closeEntry();
            }
        }

        BundleException e = refusal(deflated);

        assertEquals(Reason.UNREADABLE, e.reason());
        assertEquals(
                "refused: not a readable bundle: entry 'manifest.json' is compressed; bundle entries are stored as they are",
                e.getMessage());
    }

    @Test
    void pathTraversalEntryIsRefused() throws Exception {
        List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
        entries.add(2, new Entry("files/../evil", new byte[] {1}));

        BundleException e = refusal(handMade(entries));

        assertEquals(Reason.UNREADABLE, e.reason());
        assertEquals(
                "refused: not a readable bundle: entry 'files/../evil' is not allowed: a path must not contain '.' or '..'",
                e.getMessage());
    }

    @Test
    void absoluteAndBackslashEntryNamesAreRefused() throws Exception {
        for (String name : List.of("/etc/passwd", "files/a\\..\\b", "files//x", "files/", "other/x")) {
            List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
            entries.add(1, new Entry(name, new byte[] {1}));

            assertEquals(Reason.UNREADABLE, refusal(handMade(entries)).reason(), name);
        }
    }

    @Test
    void duplicateEntryIsRefused() throws Exception {
        List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
        entries.add(2, part("files/catalogue.json"));

        BundleException e = refusal(handMade(entries));

        assertEquals(Reason.UNREADABLE, e.reason());
        assertEquals("refused: not a readable bundle: entry 'files/catalogue.json' appears twice", e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        Path truncated = Files.write(dir.resolve("truncated.bundle"), Arrays.copyOf(bytes, bytes.length - 1));

        BundleException e = refusal(truncated);

        assertEquals(Reason.UNREADABLE, e.reason());
        assertEquals(
                "refused: not a readable bundle: it does not end with a ZIP end record (it may be cut short or have bytes added)",
                e.getMessage());
    }

    @Test
    void emptyFileAndRandomBytesAreRefused() throws Exception {
        Path empty = Files.write(dir.resolve("empty.bundle"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.bundle"), "this is not a bundle, it is a note to self\n");

        assertEquals(
                "refused: not a readable bundle: it is too short to be a ZIP archive (0 bytes)",
                refusal(empty).getMessage());
        assertEquals(Reason.UNREADABLE, refusal(text).reason());
    }

    @Test
    void aDirectoryIsRefusedAndAMissingFileIsAnIoError() {
        assertEquals(Reason.UNREADABLE, refusal(dir).reason());
        assertThrows(NoSuchFileException.class, () -> verify(dir.resolve("nothing.bundle"), 1));
    }
}
