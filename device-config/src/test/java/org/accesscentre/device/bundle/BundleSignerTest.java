package org.accesscentre.device.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.accesscentre.device.bundle.BundleException.Reason;
import org.accesscentre.device.bundle.TestBundles.SigningKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSignerTest {
    @TempDir
    Path dir;

    private SigningKey key;
    private Path bundle;

    @BeforeEach
    void unsignedBundle() throws Exception {
        key = TestBundles.signingKey(dir.resolve("keys"));
        bundle = TestBundles.unsignedCatalogue(dir, 5);
    }

    @Test
    void signingAddsOneSignatureAndKeepsEverythingElse() throws Exception {
        byte[] manifestBefore = TestBundles.contents(bundle).get("manifest.json");

        String keyId = BundleSigner.sign(bundle, key.pair().getPrivate());

        assertEquals(key.keyId(), keyId);
        assertEquals(List.of(key.keyId()), BundleInspection.of(bundle).signatureKeyIds());
        assertArrayEquals(manifestBefore, TestBundles.contents(bundle).get("manifest.json"));
    }

    @Test
    void signingAgainWithTheSameKeyReplacesItsSignature() throws Exception {
        BundleSigner.sign(bundle, key.pair().getPrivate());
        byte[] once = Files.readAllBytes(bundle);
        BundleSigner.sign(bundle, key.pair().getPrivate());

        // Ed25519 is deterministic: the same key over the same manifest gives the same signature.
        assertArrayEquals(once, Files.readAllBytes(bundle));
        assertEquals(List.of(key.keyId()), BundleInspection.of(bundle).signatureKeyIds());
    }

    @Test
    void aSecondKeyAddsASecondSignature() throws Exception {
        SigningKey next = TestBundles.signingKey(dir.resolve("next"));
        BundleSigner.sign(bundle, key.pair().getPrivate());
        BundleSigner.sign(bundle, next.pair().getPrivate());

        assertEquals(
                List.of(key.keyId(), next.keyId()), BundleInspection.of(bundle).signatureKeyIds());
    }

    @Test
    void tamperedBundleIsNotSigned() throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        int inCatalogue = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Birth certificate");
        Files.write(bundle, TestBundles.flipped(bytes, inCatalogue, 0x01));

        BundleException e = assertThrows(
                BundleException.class,
                () -> BundleSigner.sign(bundle, key.pair().getPrivate()));

        assertEquals(Reason.FILE_MISMATCH, e.reason());
        assertEquals("cannot sign: files/catalogue.json does not match its SHA-256 in the manifest", e.getMessage());
        assertEquals(List.of(), BundleInspection.of(bundle).signatureKeyIds());
    }
}
