package org.accesscentre.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which configuration is in force, as both kiosk processes work it out from the file given with
 * {@code --config} and the kept files; and what a pushed configuration may change.
 */
class DeviceConfigsTest {
    private static final String PIN_A = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private static final String PIN_B = "AAAAEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    @TempDir
    Path dir;

    private final KeyPair signing = Keys.generate(Keys.ED25519);
    private ObjectNode base;
    private Path dataDir;
    private DeviceConfig fromFile;

    @BeforeEach
    void file() throws Exception {
        dataDir = dir.resolve("data").toAbsolutePath();
        base = Fixtures.configJson(signing).put("dataDir", dataDir.toString());
        fromFile = read("kiosk.json", base);
    }

    private DeviceConfig read(String name, ObjectNode json) throws Exception {
        return DeviceConfigReader.lenient().read(Fixtures.write(dir.resolve(name), json));
    }

    /** Writes a kept file for {@code version}, as the app does once it applied it. */
    private void keep(long version, ObjectNode json) throws Exception {
        Files.createDirectories(DeviceConfigs.dir(dataDir));
        Fixtures.write(DeviceConfigs.kept(dataDir, version), json.deepCopy().without("enrolmentCode"));
    }

    @Test
    void withNothingKeptTheFileIsInForce() {
        assertEquals(fromFile, DeviceConfigs.inForce(fromFile));
        assertEquals(0, DeviceConfigs.resolve(fromFile).inForce().version());
    }

    @Test
    void theNewestKeptFileThatReadsIsInForceWithTheFilesEnrolmentCode() throws Exception {
        keep(3, base.deepCopy().put("retentionDays", 33));
        keep(4, base.deepCopy().put("retentionDays", 44));
        Files.writeString(DeviceConfigs.dir(dataDir).resolve("config-5.json"), "not json");
        Files.writeString(DeviceConfigs.dir(dataDir).resolve("config-6.json" + DeviceConfigs.REFUSED), "set aside");
        Files.writeString(DeviceConfigs.dir(dataDir).resolve("notes.txt"), "not a configuration");

        DeviceConfigs.Resolution found = DeviceConfigs.resolve(fromFile);

        assertEquals(
                List.of(4L, 3L, 0L),
                found.usable().stream().map(DeviceConfigs.Candidate::version).toList());
        assertEquals(44, found.inForce().config().retentionDays());
        assertEquals(Optional.of("K7Q4-M2XD-9PRT"), found.inForce().config().enrolmentCode());
        assertEquals(
                List.of(5L),
                found.refused().stream().map(DeviceConfigs.Refused::version).toList());
        assertEquals(44, DeviceConfigs.inForce(fromFile).retentionDays());
    }

    @Test
    void aKeptFileForAnotherKioskThanTheFileNamesIsNotUsed() throws Exception {
        keep(2, base.deepCopy().put("kiosk", 7));

        DeviceConfigs.Resolution found = DeviceConfigs.resolve(fromFile);

        assertEquals(fromFile, found.inForce().config());
        String reason = found.refused().getFirst().reason();
        assertEquals("it no longer matches the file given with --config: it names kiosk 7, not 3", reason);
    }

    @Test
    void refusingTheOneInForceLeavesTheOneBefore() throws Exception {
        keep(1, base);
        keep(2, base);
        DeviceConfigs.Resolution found = DeviceConfigs.resolve(fromFile).refuseInForce("it broke");
        assertEquals(1, found.inForce().version());
        assertEquals(
                List.of(new DeviceConfigs.Refused(2, DeviceConfigs.kept(dataDir, 2), "it broke")), found.refused());
    }

    @Test
    void certificatePinsChangeOnlyByOverlapping() throws Exception {
        String signer = Keys.keyId(signing.getPublic());
        DeviceConfig pinnedA = fromFile; // the fixture pins PIN_A
        assertEquals(Optional.empty(), ConfigChange.pushed(pinnedA, withPins(pinnedA, PIN_A, PIN_B), signer));
        assertEquals(
                Optional.empty(),
                ConfigChange.pushed(withPins(pinnedA, PIN_A, PIN_B), withPins(pinnedA, PIN_B), signer));
        assertTrue(ConfigChange.pushed(pinnedA, withPins(pinnedA, PIN_B), signer)
                .orElseThrow()
                .contains("keeps none of the certificate pins"));
        assertTrue(ConfigChange.pushed(pinnedA, withPins(pinnedA), signer)
                .orElseThrow()
                .contains("pinning off"));
    }

    private static DeviceConfig withPins(DeviceConfig c, String... pins) {
        Portal p = new Portal(c.portal().url(), c.portal().envelopeKey(), List.of(pins));
        return new DeviceConfig(
                c.centre(),
                c.kiosk(),
                p,
                c.trustedSigningKeys(),
                c.locales(),
                c.timeZone(),
                c.idle(),
                c.session(),
                c.openingHours(),
                c.attendants(),
                c.hardware(),
                c.dataDir(),
                Optional.empty(),
                c.retentionDays(),
                c.storeMaxMegabytes());
    }
}
