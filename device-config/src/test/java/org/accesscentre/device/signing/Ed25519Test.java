package org.accesscentre.device.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519Test {
    private static final byte[] DATA = "manifest bytes".getBytes(StandardCharsets.US_ASCII);

    private final KeyPair pair = Keys.generate(Keys.ED25519);

    @Test
    void publicKeyDerivedFromThePrivateKeyIsThePairsPublicKey() throws Exception {
        assertEquals(pair.getPublic(), Ed25519.publicKeyOf(pair.getPrivate()));
    }

    @Test
    void signatureVerifiesOnlyForTheSameDataAndKey() {
        byte[] signature = Ed25519.sign(pair.getPrivate(), DATA);

        assertEquals(Ed25519.SIGNATURE_BYTES, signature.length);
        assertTrue(Ed25519.verify(pair.getPublic(), DATA, signature));
        assertFalse(Ed25519.verify(pair.getPublic(), "other bytes".getBytes(StandardCharsets.US_ASCII), signature));
        assertFalse(Ed25519.verify(Keys.generate(Keys.ED25519).getPublic(), DATA, signature));
        assertFalse(Ed25519.verify(pair.getPublic(), DATA, new byte[10]));
    }

    @Test
    void keysOfOtherCurvesAreNotEd25519Keys() throws Exception {
        byte[] x25519 = Keys.generate(Keys.X25519).getPublic().getEncoded();
        byte[] ed448 = KeyPairGenerator.getInstance("Ed448")
                .generateKeyPair()
                .getPublic()
                .getEncoded();

        assertThrows(KeyFormatException.class, () -> Keys.publicFromDer(x25519, Keys.ED25519, "x"));
        assertThrows(KeyFormatException.class, () -> Keys.publicFromDer(ed448, Keys.ED25519, "x"));
        assertFalse(Ed25519.isEd25519(Keys.generate(Keys.X25519).getPublic()));
        assertTrue(Ed25519.isEd25519(pair.getPublic()));
    }

    @Test
    void publicKeyFileWrittenByKeysReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing.pub");
        Keys.writePublic(file, pair.getPublic());

        assertEquals(pair.getPublic(), Keys.readPublic(file, Keys.ED25519));
    }

    @Test
    void aPrivateKeyFileIsNotAPublicKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("signing.key");
        Keys.writePrivate(file, pair.getPrivate());

        KeyFormatException e = assertThrows(KeyFormatException.class, () -> Keys.readPublic(file, Keys.ED25519));

        assertEquals(file + ": holds a PRIVATE KEY, not a PUBLIC KEY", e.getMessage());
    }
}
