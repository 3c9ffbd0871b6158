package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.accesscentre.device.bundle.TestBundles;
import org.accesscentre.device.bundle.TestBundles.Entry;
import org.accesscentre.device.bundle.TestBundles.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code kioskctl bundle verify} accepts a signed bundle only as it was signed, and says why otherwise. */
class BundleVerifyAcceptanceTest {
    @TempDir
    Path dir;

    private SigningKey key;
    private Path bundle;
    private byte[] original;

    @BeforeEach
    void signedBundle() throws Exception {
        key = TestBundles.signingKey(dir.resolve("keys"));
        bundle = TestBundles.signedCatalogue(dir, 7, key);
        original = Files.readAllBytes(bundle);
    }

    private final Ctl.Reused ctl = Ctl.reused();

    private Ctl.Result verify(Path file, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("bundle", "verify", "--trust", key.publicFile().toString()));
        args.addAll(List.of(extra));
        args.add(file.toString());
        return ctl.run(args.toArray(String[]::new));
    }

    /** Exit 1, nothing on standard output, one line on standard error: the refusal. */
    private String refusal(Path file, String... extra) {
        Ctl.Result result = verify(file, extra);
        assertEquals(1, result.exit(), result.toString());
        assertEquals("", result.out());
        String line = result.errorLine();
        assertTrue(line.startsWith("refused: "), line);
        return line;
    }

    @Test
    void untouchedBundleIsAccepted() {
        Ctl.Result result = verify(bundle);

        assertEquals(0, result.exit(), result.toString());
        assertEquals("ok: catalogue version 7, 1 file, signed by " + key.keyId() + "\n", result.out());
        assertEquals("", result.err());
    }

    @ParameterizedTest(name = "mask 0x{0}")
    @ValueSource(ints = {0x01, 0x80, 0xFF})
    void flippedByteAnywhereIsRefused(int mask) throws Exception {
        Path tampered = dir.resolve("tampered.bundle");
        for (int position = 0; position < original.length; position++) {
            Files.write(tampered, TestBundles.flipped(original, position, mask));
            Ctl.Result result = verify(tampered);

            assertEquals(1, result.exit(), "byte " + position + " flipped was accepted: " + result);
            assertTrue(result.errorLine().startsWith("refused: "), "byte " + position + ": " + result.err());
        }
    }

    @Test
    void truncatedAnywhereIsRefused() throws Exception {
        Path truncated = dir.resolve("truncated.bundle");
        for (int length = 0; length < original.length; length++) {
            Files.write(truncated, Arrays.copyOf(original, length));

            assertEquals(1, verify(truncated).exit(), "truncated to " + length + " bytes was accepted");
        }
    }

    @Test
    void trailingGarbageIsRefused() throws Exception {
        byte[] longer = Arrays.copyOf(original, original.length + 1);
        Path file = Files.write(dir.resolve("longer.bundle"), longer);

        assertEquals(
                "refused: not a readable bundle: it does not end with a ZIP end record (it may be cut short or have bytes added)",
                refusal(file));
    }

    @Test
    void fileNotInTheManifestIsRefused() throws Exception {
        List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
        entries.add(2, new Entry("files/extra.json", "{}".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(
                "refused: files/extra.json is not in the manifest",
                refusal(TestBundles.write(dir.resolve("extra.bundle"), entries)));
    }

    @Test
    void missingFileIsRefused() throws Exception {
        List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
        entries.removeIf(e -> e.name().equals("files/catalogue.json"));

        assertEquals(
                "refused: files/catalogue.json is in the manifest but not in the bundle",
                refusal(TestBundles.write(dir.resolve("missing.bundle"), entries)));
    }

    @Test
    void signatureByUnknownKeyIsRefused() throws Exception {
        SigningKey stranger = TestBundles.signingKey(dir.resolve("stranger"));
        Path signedByStranger = TestBundles.signedCatalogue(dir.resolve("other"), 7, stranger);

        assertEquals("refused: signed by unknown key " + stranger.keyId(), refusal(signedByStranger));
    }

    @Test
    void versionLowerThanTheMinimumIsRefused() {
        assertEquals("refused: version 7 is older than the minimum 8", refusal(bundle, "--min-version", "8"));
        assertEquals(0, verify(bundle, "--min-version", "7").exit());
    }

    @Test
    void unsignedBundleIsRefused() throws Exception {
        assertEquals(
                "refused: the bundle is unsigned", refusal(TestBundles.unsignedCatalogue(dir.resolve("other"), 7)));
    }

    @Test
    void pathTraversalEntryIsRefused() throws Exception {
        List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
        entries.add(1, new Entry("files/../evil", new byte[] {'x'}));

        assertEquals(
                "refused: not a readable bundle: entry 'files/../evil' is not allowed: a path must not contain '.' or '..'",
                refusal(TestBundles.write(dir.resolve("traversal.bundle"), entries)));
    }

    @Test
    void duplicateEntriesAreRefused() throws Exception {
        List<Entry> entries = new ArrayList<>(TestBundles.entries(bundle));
        entries.add(1, entries.get(1));

        assertEquals(
                "refused: not a readable bundle: entry 'files/catalogue.json' appears twice",
                refusal(TestBundles.write(dir.resolve("duplicate.bundle"), entries)));
    }

    @Test
    void anyTrustedKeyOfSeveralIsEnough() throws Exception {
        SigningKey other = TestBundles.signingKey(dir.resolve("other-keys"));

        Ctl.Result result = Ctl.run(
                "bundle",
                "verify",
                "--trust",
                other.publicFile().toString(),
                "--trust",
                key.publicFile().toString(),
                bundle.toString());

        assertEquals(0, result.exit(), result.toString());
    }
}
