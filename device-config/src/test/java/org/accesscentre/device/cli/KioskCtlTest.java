package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.pin.PinHash;
import org.accesscentre.device.pin.PinHasher;
import org.accesscentre.device.signing.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskCtlTest {
    @TempDir
    Path dir;

    @Test
    void keysCreateWritesAnOwnerOnlyPrivateKeyAndNeverOverwrites() throws Exception {
        Path keys = dir.resolve("keys");

        Ctl.Result first = Ctl.run("keys", "create", "--out", keys.toString());
        byte[] privateKey = Files.readAllBytes(keys.resolve("signing.key"));
        Ctl.Result second = Ctl.run("keys", "create", "--out", keys.toString());

        assertEquals(0, first.exit(), first.toString());
        PublicKey pub = Keys.readPublic(keys.resolve("signing.pub"), Keys.ED25519);
        assertTrue(first.out().endsWith("key id " + Keys.keyId(pub) + "\n"), first.out());
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("signing.key"))));
        assertTrue(Ed25519.isPair(Keys.readPrivate(keys.resolve("signing.key"), Keys.ED25519), pub));
        assertEquals(1, second.exit());
        assertEquals(keys.resolve("signing.key") + ": already exists; refusing to overwrite a key", second.errorLine());
        assertTrue(java.util.Arrays.equals(privateKey, Files.readAllBytes(keys.resolve("signing.key"))));
    }

    @Test
    void buildSignVerifyAndInspectWorkTogether() throws Exception {
        Path keys = dir.resolve("keys");
        Path in = Fixtures.catalogueDir(dir, 12);
        Path bundle = dir.resolve("out/catalogue.bundle");
        Ctl.run("keys", "create", "--out", keys.toString());

        Ctl.Result build = Ctl.run(
                "bundle",
                "build",
                "--kind",
                "catalogue",
                "--version",
                "12",
                "--in",
                in.toString(),
                "--out",
                bundle.toString(),
                "--label",
                "June services");
        Ctl.Result inspectUnsigned = Ctl.run("bundle", "inspect", bundle.toString());
        Ctl.Result sign =
                Ctl.run("bundle", "sign", "--key", keys.resolve("signing.key").toString(), bundle.toString());
        Ctl.Result verify = Ctl.run(
                "bundle",
                "verify",
                "--trust",
                keys.resolve("signing.pub").toString(),
                "--min-version",
                "12",
                bundle.toString());

        String keyId = Keys.keyId(Keys.readPublic(keys.resolve("signing.pub"), Keys.ED25519));
        assertEquals("ok: wrote " + bundle + ": catalogue version 12, 1 file, unsigned\n", build.out());
        assertEquals(0, inspectUnsigned.exit(), inspectUnsigned.toString());
        assertTrue(
                inspectUnsigned
                        .out()
                        .startsWith("catalogue bundle, version 12, minimum app version 0\n" + "label: June services\n"),
                inspectUnsigned.out());
        assertTrue(inspectUnsigned.out().contains("signatures: none (unsigned)\n"), inspectUnsigned.out());
        assertTrue(inspectUnsigned.out().contains("  catalogue.json\n"), inspectUnsigned.out());
        assertEquals("ok: signed " + bundle + " with key " + keyId + "\n", sign.out());
        assertEquals("ok: catalogue version 12, 1 file, signed by " + keyId + "\n", verify.out());
    }

    @Test
    void inspectReportsDamageWithExitOne() throws Exception {
        Path in = Fixtures.catalogueDir(dir, 3);
        Path bundle = dir.resolve("c.bundle");
        Ctl.run(
                "bundle",
                "build",
                "--kind",
                "catalogue",
                "--version",
                "3",
                "--in",
                in.toString(),
                "--out",
                bundle.toString());
        byte[] bytes = Files.readAllBytes(bundle);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Birth");
        bytes[at] = 'b';
        Files.write(bundle, bytes);

        Ctl.Result result = Ctl.run("bundle", "inspect", bundle.toString());

        assertEquals(1, result.exit());
        assertEquals("damaged: files/catalogue.json does not match its SHA-256 in the manifest", result.errorLine());
    }

    @Test
    void buildRefusesAnInvalidCatalogueWithTheReadersMessage() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(
                in.resolve("catalogue.json"), Fixtures.catalogueJson(2).replace("\"en\", \"fr\"", "\"en\", \"en\""));

        Ctl.Result result = Ctl.run(
                "bundle",
                "build",
                "--kind",
                "catalogue",
                "--version",
                "2",
                "--in",
                in.toString(),
                "--out",
                dir.resolve("c.bundle").toString());

        assertEquals(1, result.exit());
        assertEquals("cannot build: catalogue.json: locales[1]: locale 'en' is listed twice", result.errorLine());
    }

    @Test
    void catalogueValidateSaysOkOrNamesTheProblem() throws Exception {
        Path good = Fixtures.catalogueDir(dir, 4).resolve("catalogue.json");
        Path bad = Files.writeString(dir.resolve("catalogue.json"), "{\"format\": 1, \"version\": \"four\"}");

        Ctl.Result ok = Ctl.run("catalogue", "validate", good.toString());
        Ctl.Result refused = Ctl.run("catalogue", "validate", bad.toString());

        assertEquals("ok: catalogue version 4, 1 service, locales en, fr\n", ok.out());
        assertEquals(1, refused.exit());
        assertEquals("catalogue.json: version: must be a whole number, not text", refused.errorLine());
    }

    @Test
    void configValidateSaysOk() {
        Path file = Fixtures.write(dir.resolve("config.json"), Fixtures.configJson(Keys.generate(Keys.ED25519)));

        Ctl.Result result = Ctl.run("config", "validate", file.toString());

        assertEquals(0, result.exit(), result.toString());
        assertEquals(
                "ok: SOU kiosk 3, portal https://portal.gov.lc, 1 trusted signing key, 2 attendants\n", result.out());
    }

    @Test
    void pinHashPrintsAHashOfThePinFromStandardInput() {
        Ctl.Result result = Ctl.runWithInput("4821\n", "pin", "hash", "--iterations", "" + PinHasher.MIN_ITERATIONS);

        assertEquals(0, result.exit(), result.toString());
        PinHash hash = PinHash.parse(result.out().strip());
        assertEquals(PinHasher.MIN_ITERATIONS, hash.iterations());
        assertTrue(PinHasher.verify("4821".toCharArray(), hash));
    }

    @Test
    void addAttendantStoresOnlyTheHashOfThePinAndRefusesADuplicate() throws Exception {
        Path file = Fixtures.write(dir.resolve("config.json"), Fixtures.configJson(Keys.generate(Keys.ED25519)));

        Ctl.Result added = Ctl.runWithInput(
                "4821\n", "config", "add-attendant", "--config", file.toString(), "--id", "jn", "--name", "Jean");

        assertEquals(0, added.exit(), added.toString());
        String json = java.nio.file.Files.readString(file);
        assertFalse(json.contains("4821"), "the PIN itself is never written");
        var config = org.accesscentre.device.config.DeviceConfigReader.strict().read(file);
        assertEquals(3, config.attendants().size());
        assertTrue(PinHasher.verify(
                "4821".toCharArray(), config.attendant("jn").orElseThrow().pinHash()));
        assertEquals(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"),
                java.nio.file.Files.getPosixFilePermissions(file));

        Ctl.Result again = Ctl.runWithInput(
                "1111\n", "config", "add-attendant", "--config", file.toString(), "--id", "jn", "--name", "J");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("attendant jn is in"), again.toString());
        Ctl.Result badPin = Ctl.runWithInput(
                "12\n", "config", "add-attendant", "--config", file.toString(), "--id", "x", "--name", "X");
        assertEquals("a PIN is 4 to 12 digits, nothing else", badPin.errorLine());
        assertEquals(json, java.nio.file.Files.readString(file), "a refusal changes nothing");
    }

    @Test
    void pinHashRefusesWhatIsNotAPinAndWeakWorkFactors() {
        assertEquals(
                "a PIN is 4 to 12 digits, nothing else",
                Ctl.runWithInput("12ab\n", "pin", "hash").errorLine());
        assertEquals(
                "--iterations must be from 210000 to 10000000, not 1000",
                Ctl.runWithInput("1234\n", "pin", "hash", "--iterations", "1000")
                        .errorLine());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Ctl.run().exit());
        assertEquals(2, Ctl.run("bundle").exit());
        assertEquals(2, Ctl.run("bundle", "verify", "x.bundle").exit()); // no --trust
        assertEquals(2, Ctl.run("bundle", "build", "--kind", "firmware").exit());
        assertEquals(2, Ctl.run("launch").exit());
    }

    @Test
    void unreadableInputsGiveOneLineAndNoStackTrace() throws Exception {
        Path missing = dir.resolve("missing.bundle");
        Path pub = Files.writeString(dir.resolve("signing.pub"), "not a key");

        Ctl.Result noBundle = Ctl.run("bundle", "inspect", missing.toString());
        Ctl.Result badKey = Ctl.run("bundle", "verify", "--trust", pub.toString(), missing.toString());
        Ctl.Result directory = Ctl.run("bundle", "sign", "--key", pub.toString(), dir.toString());

        assertEquals(missing + ": no such file", noBundle.errorLine());
        assertEquals(pub + ": not a PEM file (expected -----BEGIN PUBLIC KEY-----)", badKey.errorLine());
        assertEquals(1, directory.exit());
        directory.errorLine();
    }
}
