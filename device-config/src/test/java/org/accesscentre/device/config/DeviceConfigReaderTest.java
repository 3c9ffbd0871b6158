package org.accesscentre.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.pin.PinHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConfigReaderTest {
    @TempDir
    Path dir;

    private final KeyPair signing = Keys.generate(Keys.ED25519);

    private DeviceConfig read(ObjectNode json) throws JsonInputException {
        return DeviceConfigReader.strict().read(Fixtures.write(dir.resolve("config.json"), json));
    }

    @Test
    void exampleConfigurationLoadsEverySetting() throws Exception {
        DeviceConfig config = read(Fixtures.configJson(signing));

        assertEquals("SOU", config.centre());
        assertEquals(3, config.kiosk());
        assertEquals(URI.create("https://portal.gov.lc"), config.portal().url());
        assertEquals("XDH", config.portal().envelopeKey().getAlgorithm());
        assertEquals(
                List.of("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="),
                config.portal().pinSha256());
        assertEquals(List.of(signing.getPublic()), config.trustedSigningKeys());
        assertEquals(List.of("en", "fr"), config.locales());
        assertEquals("en", config.defaultLocale());
        assertEquals(ZoneId.of("America/St_Lucia"), config.timeZone());
        assertEquals(new IdlePolicy(Duration.ofSeconds(120), Duration.ofSeconds(30)), config.idle());
        assertEquals(SessionPolicy.DEFAULT, config.session());
        assertEquals(
                Optional.of(new OpeningHours.Hours(LocalTime.of(8, 0), LocalTime.of(16, 30))),
                config.openingHours().on(DayOfWeek.MONDAY));
        assertEquals(Optional.empty(), config.openingHours().on(DayOfWeek.SUNDAY));
        assertEquals(
                List.of("marie", "lucien"),
                config.attendants().stream().map(Attendant::id).toList());
        assertTrue(PinHasher.verify(
                "4821".toCharArray(), config.attendant("marie").orElseThrow().pinHash()));
        assertEquals(
                new Hardware(
                        OptionalInt.of(17),
                        Optional.of(new Hardware.Leds(22, 23, 24)),
                        OptionalInt.of(25),
                        Optional.of(new Hardware.Printer("/dev/ttyUSB0", 19200))),
                config.hardware());
        assertEquals(Path.of("/var/lib/kiosk"), config.dataDir());
        assertEquals(Optional.of("K7Q4-M2XD-9PRT"), config.enrolmentCode());
        assertEquals(Duration.ofDays(30), config.retention());
        assertEquals(2048L << 20, config.storeMaxBytes());
    }

    @Test
    void minimalConfigurationGetsTheDefaults() throws Exception {
        DeviceConfig config = read(Fixtures.minimalConfigJson(signing));

        assertEquals(List.of("en"), config.locales());
        assertEquals(IdlePolicy.DEFAULT, config.idle());
        assertEquals(SessionPolicy.DEFAULT, config.session());
        assertEquals(OpeningHours.unrestricted(), config.openingHours());
        assertEquals(List.of(), config.attendants());
        assertEquals(Hardware.NONE, config.hardware());
        assertEquals(Path.of("/var/lib/kiosk"), config.dataDir());
        assertEquals(Optional.empty(), config.enrolmentCode());
        assertEquals(30, config.retentionDays());
        assertEquals(2048, config.storeMaxMegabytes());
    }

    @Test
    void openingHoursIncludeTheOpeningMinuteButNotTheClosingOne() throws Exception {
        OpeningHours hours = read(Fixtures.configJson(signing)).openingHours();

        assertTrue(hours.isOpenAt(LocalDateTime.of(2025, 6, 2, 8, 0))); // a Monday
        assertEquals(false, hours.isOpenAt(LocalDateTime.of(2025, 6, 2, 16, 30)));
        assertEquals(false, hours.isOpenAt(LocalDateTime.of(2025, 6, 3, 10, 0))); // Tuesday: closed
        assertTrue(OpeningHours.unrestricted().isOpenAt(LocalDateTime.of(2025, 6, 1, 3, 0)));
    }

    @Test
    void httpPortalIsAllowedOnlyOnLoopback() throws Exception {
        for (String url : List.of("http://localhost:8080", "http://127.0.0.1:7070/api", "http://[::1]:9000")) {
            ObjectNode json = Fixtures.configJson(signing);
            ((ObjectNode) json.get("portal")).put("url", url);
            assertEquals(URI.create(url), read(json).portal().url());
        }
    }

    @Test
    void unknownPropertiesAreRefusedWhenStrictAndIgnoredWhenLenient() throws Exception {
        ObjectNode json = Fixtures.configJson(signing);
        json.put("idleTimeoutSecs", 60);
        Path file = Fixtures.write(dir.resolve("config.json"), json);

        JsonInputException e = assertThrows(
                JsonInputException.class, () -> DeviceConfigReader.strict().read(file));

        assertEquals("config.json: idleTimeoutSecs: unknown property 'idleTimeoutSecs'", e.getMessage());
        assertEquals(
                120, DeviceConfigReader.lenient().read(file).idle().timeout().toSeconds());
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("config.json");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            out.write("{\"format\": 1, \"centre\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "A".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }

        JsonInputException e = assertThrows(
                JsonInputException.class, () -> DeviceConfigReader.strict().read(file));

        assertEquals("config.json: is 52428827 bytes; the limit is 1048576", e.getMessage());
    }

    @Test
    void aHugeStringFromAStreamIsRefusedAtTheLimit() {
        String json = "{\"format\": 1, \"centre\": \"" + "A".repeat(50 << 20) + "\"}";
        var in = new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII));

        JsonInputException e = assertThrows(
                JsonInputException.class, () -> DeviceConfigReader.lenient().read(in, "config.json"));

        assertTrue(e.getMessage().startsWith("config.json: centre: "), e.getMessage());
        assertTrue(e.getMessage().length() < 120, e.getMessage());
    }

    @Test
    void summaryForLogsNeverShowsTheEnrolmentCode() throws Exception {
        String summary = read(Fixtures.configJson(signing)).toString();

        assertEquals(false, summary.contains("K7Q4"), summary);
        assertTrue(summary.contains("SOU kiosk 3"), summary);
        assertTrue(summary.contains("enrolment code set"), summary);
    }
}
