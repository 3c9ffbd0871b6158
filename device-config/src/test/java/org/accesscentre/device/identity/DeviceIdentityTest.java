package org.accesscentre.device.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.signing.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceIdentityTest {
    @TempDir
    Path dir;

    private static final byte[] CHALLENGE = "challenge 42".getBytes(StandardCharsets.US_ASCII);

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void firstUseMakesAnOwnerOnlyPrivateKeyAndAPublicKey() throws Exception {
        Path keys = dir.resolve("identity");

        DeviceIdentity identity = DeviceIdentity.loadOrCreate(keys);

        assertEquals("rw-------", mode(keys.resolve("device.key")));
        assertEquals("rwx------", mode(keys));
        assertEquals(identity.publicKey(), Keys.readPublic(keys.resolve("device.pub"), Keys.ED25519));
        assertEquals(Keys.keyId(identity.publicKey()), identity.keyId());
    }

    @Test
    void laterCallsLoadTheSameKey() throws Exception {
        DeviceIdentity first = DeviceIdentity.loadOrCreate(dir);
        byte[] keyFile = Files.readAllBytes(dir.resolve("device.key"));

        DeviceIdentity second = DeviceIdentity.loadOrCreate(dir);

        assertEquals(first.publicKey(), second.publicKey());
        assertEquals(first.keyId(), second.keyId());
        assertTrue(java.util.Arrays.equals(keyFile, Files.readAllBytes(dir.resolve("device.key"))));
    }

    @Test
    void signaturesVerifyWithThePublishedPublicKey() throws Exception {
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dir);
        byte[] signature = identity.sign(CHALLENGE);

        assertTrue(Ed25519.verify(Keys.readPublic(dir.resolve("device.pub"), Keys.ED25519), CHALLENGE, signature));
        assertTrue(Ed25519.verify(
                Keys.publicFromDer(
                        java.util.Base64.getDecoder().decode(identity.publicKeyBase64()), Keys.ED25519, "test"),
                CHALLENGE,
                signature));
    }

    @Test
    void privateKeyOthersCanReadIsRefused() throws Exception {
        DeviceIdentity.loadOrCreate(dir);
        Path key = dir.resolve("device.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        IdentityException e = assertThrows(IdentityException.class, () -> DeviceIdentity.loadOrCreate(dir));

        assertEquals(
                key + ": other users may access it (mode 0644); it must be 0600. Run: chmod 600 " + key,
                e.getMessage());
    }

    @Test
    void privateKeyTheGroupCanWriteIsRefused() throws Exception {
        DeviceIdentity.loadOrCreate(dir);
        Files.setPosixFilePermissions(dir.resolve("device.key"), PosixFilePermissions.fromString("rw--w----"));

        assertThrows(IdentityException.class, () -> DeviceIdentity.loadOrCreate(dir));
    }

    @Test
    void symbolicLinkInPlaceOfThePrivateKeyIsRefused() throws Exception {
        Path elsewhere = dir.resolve("elsewhere");
        DeviceIdentity.loadOrCreate(elsewhere);
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.createSymbolicLink(keys.resolve("device.key"), elsewhere.resolve("device.key"));

        IdentityException e = assertThrows(IdentityException.class, () -> DeviceIdentity.loadOrCreate(keys));

        assertEquals(
                keys.resolve("device.key") + ": is a symbolic link; the device key must be a regular file",
                e.getMessage());
    }

    @Test
    void publicKeyOfAnotherDeviceIsRefused() throws Exception {
        DeviceIdentity.loadOrCreate(dir);
        Files.delete(dir.resolve("device.pub"));
        Keys.writePublic(dir.resolve("device.pub"), Keys.generate(Keys.ED25519).getPublic());

        IdentityException e = assertThrows(IdentityException.class, () -> DeviceIdentity.loadOrCreate(dir));

        assertTrue(e.getMessage().contains("does not belong to device.key"), e.getMessage());
    }

    @Test
    void missingPublicKeyIsWrittenAgainFromThePrivateKey() throws Exception {
        DeviceIdentity identity = DeviceIdentity.loadOrCreate(dir);
        Files.delete(dir.resolve("device.pub"));

        DeviceIdentity again = DeviceIdentity.loadOrCreate(dir);

        assertEquals(identity.publicKey(), again.publicKey());
        assertEquals(identity.publicKey(), Keys.readPublic(dir.resolve("device.pub"), Keys.ED25519));
    }

    @Test
    void damagedPrivateKeyIsRefusedNotReplaced() throws Exception {
        DeviceIdentity.loadOrCreate(dir);
        Path key = dir.resolve("device.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        IdentityException e = assertThrows(IdentityException.class, () -> DeviceIdentity.loadOrCreate(dir));

        assertTrue(e.getMessage().startsWith(key + ": cannot be used as the device key: "), e.getMessage());
        assertTrue(Files.readString(key).contains("AAAA"), "a damaged key is never silently replaced");
    }
}
