package org.accesscentre.device.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.bundle.BundleException.Reason;
import org.accesscentre.device.bundle.TestBundles.Entry;
import org.accesscentre.device.bundle.TestBundles.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {
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
    void signedBundleIsAcceptedWithItsManifestAndSigner() throws Exception {
        VerifiedBundle verified = verify(bundle, 7);

        assertEquals(BundleKind.CATALOGUE, verified.manifest().kind());
        assertEquals(7, verified.manifest().version());
        assertEquals(key.keyId(), verified.signedBy());
        assertArrayEquals(Fixtures.catalogueJson(7).getBytes(StandardCharsets.UTF_8), verified.read("catalogue.json"));
    }

    @Test
    void handMadeCopyOfTheCanonicalLayoutIsAccepted() throws Exception {
        // Proves the hand-made archives of the other tests differ only where each test says.
        Path copy = handMade(TestBundles.entries(bundle));

        assertArrayEquals(Files.readAllBytes(bundle), Files.readAllBytes(copy));
    }

    @Test
    void unsignedBundleIsRefused() throws Exception {
        BundleException e = refusal(TestBundles.unsignedCatalogue(dir.resolve("other"), 7));

        assertEquals(Reason.UNSIGNED, e.reason());
        assertEquals("refused: the bundle is unsigned", e.getMessage());
    }

    @Test
    void signatureByUnknownKeyIsRefusedNamingTheKey() throws Exception {
        SigningKey stranger = TestBundles.signingKey(dir.resolve("stranger"));
        Path signedByStranger = TestBundles.signedCatalogue(dir.resolve("other"), 7, stranger);

        BundleException e = refusal(signedByStranger);

        assertEquals(Reason.UNKNOWN_KEY, e.reason());
        assertEquals("refused: signed by unknown key " + stranger.keyId(), e.getMessage());
    }

    @Test
    void trustedKeySignatureOverOtherBytesIsRefusedAsInvalid() throws Exception {
        byte[] forged = TestBundles.signaturesOf("something else".getBytes(StandardCharsets.UTF_8), key);
        Path file = handMade(
                List.of(part("manifest.json"), part("files/catalogue.json"), new Entry("signatures.json", forged)));

        BundleException e = refusal(file);

        assertEquals(Reason.BAD_SIGNATURE, e.reason());
        assertEquals("refused: the signature by key " + key.keyId() + " is invalid", e.getMessage());
    }

    @Test
    void anyTrustedSignatureSufficesDuringKeyRotation() throws Exception {
        SigningKey next = TestBundles.signingKey(dir.resolve("next"));
        BundleSigner.sign(bundle, next.pair().getPrivate());

        VerifiedBundle withOld = verify(bundle, 1);
        VerifiedBundle withNew = new BundleVerifier(List.of(next.pair().getPublic())).verify(bundle, 1);

        assertEquals(key.keyId(), withOld.signedBy());
        assertEquals(next.keyId(), withNew.signedBy());
    }

    @Test
    void versionBelowTheMinimumIsRefusedAndEqualIsAccepted() throws Exception {
        BundleException e = assertThrows(BundleException.class, () -> verify(bundle, 8));

        assertEquals(Reason.TOO_OLD, e.reason());
        assertEquals("refused: version 7 is older than the minimum 8", e.getMessage());
        assertEquals(7, verify(bundle, 7).manifest().version());
    }

    @Test
    void entryNotInTheManifestIsRefused() throws Exception {
        Path file = handMade(List.of(
                part("manifest.json"),
                part("files/catalogue.json"),
                new Entry("files/evil.sh", "rm -rf /".getBytes(StandardCharsets.US_ASCII)),
                part("signatures.json")));

        BundleException e = refusal(file);

        assertEquals(Reason.UNEXPECTED_FILE, e.reason());
        assertEquals("refused: files/evil.sh is not in the manifest", e.getMessage());
    }

    @Test
    void fileInTheManifestMissingFromTheArchiveIsRefused() throws Exception {
        BundleException e = refusal(handMade(List.of(part("manifest.json"), part("signatures.json"))));

        assertEquals(Reason.MISSING_FILE, e.reason());
        assertEquals("refused: files/catalogue.json is in the manifest but not in the bundle", e.getMessage());
    }

    @Test
    void fileOfAnotherSizeIsRefused() throws Exception {
        byte[] longer = (Fixtures.catalogueJson(7) + " ").getBytes(StandardCharsets.UTF_8);
        Path file = handMade(
                List.of(part("manifest.json"), new Entry("files/catalogue.json", longer), part("signatures.json")));

        BundleException e = refusal(file);

        assertEquals(Reason.FILE_MISMATCH, e.reason());
        assertEquals(
                "refused: files/catalogue.json is " + longer.length + " bytes; the manifest says "
                        + (longer.length - 1),
                e.getMessage());
    }

    @Test
    void fileWithOtherContentOfTheSameSizeIsRefused() throws Exception {
        byte[] altered = Fixtures.catalogueJson(7).replace("EC$10", "EC$99").getBytes(StandardCharsets.UTF_8);
        Path file = handMade(
                List.of(part("manifest.json"), new Entry("files/catalogue.json", altered), part("signatures.json")));

        BundleException e = refusal(file);

        assertEquals(Reason.FILE_MISMATCH, e.reason());
        assertEquals("refused: files/catalogue.json does not match its SHA-256 in the manifest", e.getMessage());
    }

    @Test
    void sameContentRepackedByAnotherZipWriterIsRefusedAsNotCanonical() throws Exception {
        Path repacked = dir.resolve("repacked.bundle");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(repacked))) {
            for (Entry e : TestBundles.entries(bundle)) {
                ZipEntry entry = new ZipEntry(e.name());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.bytes().length);
                CRC32 crc = new CRC32();
                crc.update(e.bytes());
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(e.bytes());
                zip.closeEntry();
            }
        }

        BundleException e = refusal(repacked);

        assertEquals(Reason.NOT_CANONICAL, e.reason());
    }

    @Test
    void missingManifestOrSignatureFileIsRefused() throws Exception {
        BundleException noManifest = refusal(handMade(List.of(part("files/catalogue.json"), part("signatures.json"))));
        BundleException noSignatures = refusal(handMade(List.of(part("manifest.json"), part("files/catalogue.json"))));

        assertEquals(Reason.MISSING_ENTRY, noManifest.reason());
        assertEquals("refused: the bundle has no manifest.json", noManifest.getMessage());
        assertEquals("refused: the bundle has no signatures.json", noSignatures.getMessage());
    }

    @Test
    void manifestThatIsNotValidIsRefusedWithTheFieldNamed() throws Exception {
        byte[] manifest = new String(parts.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"kind\" : \"catalogue\"", "\"kind\" : \"firmware\"")
                .getBytes(StandardCharsets.UTF_8);
        Path file = handMade(List.of(
                new Entry("manifest.json", manifest),
                part("files/catalogue.json"),
                new Entry("signatures.json", TestBundles.signaturesOf(manifest, key))));

        BundleException e = refusal(file);

        assertEquals(Reason.INVALID_MANIFEST, e.reason());
        assertEquals(
                "refused: manifest.json: kind: must be catalogue, config or release, not 'firmware'", e.getMessage());
    }

    @Test
    void unknownManifestPropertiesAreIgnoredBecauseTheManifestIsSigned() throws Exception {
        byte[] manifest = new String(parts.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"format\" : 1,", "\"format\" : 1, \"rolloutWave\" : 2,")
                .getBytes(StandardCharsets.UTF_8);
        Path file = handMade(List.of(
                new Entry("manifest.json", manifest),
                part("files/catalogue.json"),
                new Entry("signatures.json", TestBundles.signaturesOf(manifest, key))));

        assertEquals(7, verify(file, 1).manifest().version());
    }
}
