package org.accesscentre.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal names the file, the field and the problem, in one line. */
class DeviceConfigRefusalsTest {
    private static final KeyPair SIGNING = Keys.generate(Keys.ED25519);

    private static JsonInputException refusal(byte[] bytes) {
        return assertThrows(
                JsonInputException.class,
                () -> DeviceConfigReader.strict().read(new ByteArrayInputStream(bytes), "config.json"));
    }

    private static JsonInputException refusal(Consumer<ObjectNode> change) {
        ObjectNode json = Fixtures.configJson(SIGNING);
        change.accept(json);
        return refusal(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode at(ObjectNode root, String name) {
        return (ObjectNode) root.get(name);
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("kiosk as text", j -> j.put("kiosk", "3"), "kiosk: must be a whole number, not text"),
                bad("kiosk 0", j -> j.put("kiosk", 0), "kiosk: must be between 1 and 99, not 0"),
                bad(
                        "centre lower case",
                        j -> j.put("centre", "sou"),
                        "centre: must be 3 upper-case letters, such as SOU, not 'sou'"),
                bad("no portal", j -> j.remove("portal"), "portal: is missing"),
                bad("format 2", j -> j.put("format", 2), "format: this kiosk reads configuration format 1, not 2"),
                bad(
                        "http portal",
                        j -> at(j, "portal").put("url", "http://portal.gov.lc"),
                        "portal.url: must be https unless the host is loopback"),
                bad(
                        "http on a host named like loopback",
                        j -> at(j, "portal").put("url", "http://127.0.0.1.evil.example"),
                        "portal.url: must be https unless the host is loopback"),
                bad(
                        "ftp portal",
                        j -> at(j, "portal").put("url", "ftp://portal.gov.lc"),
                        "portal.url: must be https unless the host is loopback"),
                bad(
                        "password in url",
                        j -> at(j, "portal").put("url", "https://admin:secret@portal.gov.lc"),
                        "portal.url: must not hold a user name or password"),
                bad(
                        "relative url",
                        j -> at(j, "portal").put("url", "portal.gov.lc"),
                        "portal.url: must be a full URL such as https://portal.gov.lc, not 'portal.gov.lc'"),
                bad(
                        "envelope key not base64",
                        j -> at(j, "portal").put("envelopeKey", "not base64!"),
                        "portal.envelopeKey: is not valid base64"),
                bad(
                        "envelope key is a signing key",
                        j -> at(j, "portal").put("envelopeKey", Keys.toBase64(SIGNING.getPublic())),
                        "portal.envelopeKey: is not an X25519 public key (base64 of its X.509 encoding)"),
                bad(
                        "signing key not base64",
                        j -> ((ArrayNode) j.get("trustedSigningKeys")).set(0, "@@@@"),
                        "trustedSigningKeys[0]: is not valid base64"),
                bad(
                        "signing key is an envelope key",
                        j -> ((ArrayNode) j.get("trustedSigningKeys"))
                                .set(0, Keys.toBase64(Keys.generate(Keys.X25519).getPublic())),
                        "trustedSigningKeys[0]: is not an Ed25519 public key (base64 of its X.509 encoding)"),
                bad(
                        "no signing key",
                        j -> j.putArray("trustedSigningKeys"),
                        "trustedSigningKeys: must list at least one key, or the kiosk could never accept a bundle"),
                bad(
                        "same signing key twice",
                        j -> ((ArrayNode) j.get("trustedSigningKeys")).add(Keys.toBase64(SIGNING.getPublic())),
                        "trustedSigningKeys[1]: key " + Keys.keyId(SIGNING.getPublic()) + " is listed twice"),
                bad(
                        "pin sha256 too short",
                        j -> at(j, "portal").putArray("pinSha256").add("AAAA"),
                        "portal.pinSha256[0]: must be the base64 SHA-256 (32 bytes) of the certificate's public key info"),
                bad(
                        "bad time zone",
                        j -> j.put("timeZone", "Caribbean/Castries"),
                        "timeZone: 'Caribbean/Castries' is not a time zone such as America/St_Lucia"),
                bad(
                        "idle warning too short for WCAG",
                        j -> j.put("idleWarningSeconds", 10),
                        "idleWarningSeconds: must be between 20 and 1800, not 10"),
                bad(
                        "idle warning after the timeout",
                        j -> j.put("idleWarningSeconds", 120),
                        "idleWarningSeconds: must be less than idleTimeoutSeconds (120), not 120"),
                bad(
                        "session warning after the end",
                        j -> at(j, "session").putArray("warningMinutes").add(45),
                        "session.warningMinutes[0]: must be less than limitMinutes (30), not 45"),
                bad(
                        "session warnings out of order",
                        j -> at(j, "session").putArray("warningMinutes").add(1).add(5),
                        "session.warningMinutes[1]: warnings must be listed from the earliest to the last, such as [5, 1]"),
                bad(
                        "misspelt day",
                        j -> at(j, "openingHours")
                                .putObject("tuesdy")
                                .put("open", "08:00")
                                .put("close", "16:00"),
                        "openingHours.tuesdy: is not a day of the week: use monday to sunday in lower case"),
                bad(
                        "closing before opening",
                        j -> at(j, "openingHours")
                                .putObject("friday")
                                .put("open", "16:00")
                                .put("close", "08:00"),
                        "openingHours.friday.close: must be after the opening time 16:00, not 08:00"),
                bad(
                        "time without minutes",
                        j -> at(j, "openingHours")
                                .putObject("friday")
                                .put("open", "8")
                                .put("close", "16:00"),
                        "openingHours.friday.open: must be a time such as 08:00 or 16:30, not '8'"),
                bad(
                        "no open day",
                        j -> j.putObject("openingHours"),
                        "openingHours: must name at least one open day; leave openingHours out for no schedule"),
                bad(
                        "same pin for button and led",
                        j -> at(j, "hardware").put("helpButtonPin", 22),
                        "hardware.leds.green: pin 22 is already used by hardware.helpButtonPin"),
                bad(
                        "pin beyond the header",
                        j -> at(j, "hardware").put("buzzerPin", 40),
                        "hardware.buzzerPin: must be between 0 and 27, not 40"),
                bad(
                        "odd baud rate",
                        j -> at(at(j, "hardware"), "printer").put("baudRate", 12345),
                        "hardware.printer.baudRate: must be one of 9600, 19200, 38400, 57600 or 115200, not 12345"),
                bad(
                        "printer outside /dev",
                        j -> at(at(j, "hardware"), "printer").put("port", "/dev/../etc/passwd"),
                        "hardware.printer.port: must be a serial device such as /dev/ttyUSB0, not '/dev/../etc/passwd'"),
                bad(
                        "weak pin hash",
                        j -> ((ObjectNode) j.get("attendants").get(0))
                                .put(
                                        "pinHash",
                                        "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$"
                                                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                        "attendants[0].pinHash: has 1000 iterations; a kiosk needs at least 210000 (make a new one with kioskctl pin hash)"),
                bad(
                        "pin hash in another scheme",
                        j -> ((ObjectNode) j.get("attendants").get(0)).put("pinHash", "$2y$10$abcdefghijklmnopqrstuv"),
                        "attendants[0].pinHash: must look like pbkdf2-sha256$<iterations>$<salt>$<hash>; make one with kioskctl pin hash"),
                bad(
                        "two attendants with one id",
                        j -> ((ObjectNode) j.get("attendants").get(1)).put("id", "marie"),
                        "attendants[1].id: there is already an attendant with id 'marie'"),
                bad(
                        "relative data dir",
                        j -> j.put("dataDir", "var/lib/kiosk"),
                        "dataDir: must be an absolute directory such as /var/lib/kiosk, not 'var/lib/kiosk'"),
                bad(
                        "enrolment code in lower case",
                        j -> j.put("enrolmentCode", "k7q4-m2xd-9prt"),
                        "enrolmentCode: must be groups of 4 upper-case letters or digits joined by '-', such as K7Q4-M2XD-9PRT"),
                bad("unknown hardware", j -> at(j, "hardware").put("fan", 4), "hardware.fan: unknown property 'fan'"));
    }

    private static Arguments bad(String what, Consumer<ObjectNode> change, String expected) {
        return Arguments.of(what, change, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badSettingIsRefusedNamingTheField(String what, Consumer<ObjectNode> change, String expected) {
        assertEquals("config.json: " + expected, refusal(change).getMessage());
    }

    @Test
    void theSamePinHashForTwoAttendantsIsRefused() {
        JsonInputException e = refusal(j -> ((ObjectNode) j.get("attendants").get(1))
                .put("pinHash", j.get("attendants").get(0).get("pinHash").asText()));

        assertEquals(
                "config.json: attendants[1].pinHash: is the same as attendants[0].pinHash; hash each PIN separately",
                e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"format\": 1, \"extra\": " + "[".repeat(100) + "]".repeat(100) + "}";

        String message = refusal(deep.getBytes(StandardCharsets.US_ASCII)).getMessage();

        assertTrue(message.startsWith("config.json: extra[0][0]"), message);
        assertTrue(message.endsWith(": nested deeper than 16 levels"), message);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = "{\"format\": 1, \"centre\": \"S\u0000U\"}".getBytes(StandardCharsets.ISO_8859_1);
        bytes[26] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
        bytes[27] = (byte) 0x28;

        String message = refusal(bytes).getMessage();

        assertTrue(message.startsWith("config.json: centre: invalid UTF-8 text"), message);
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertEquals(
                "config.json: not valid JSON: Unrecognized token 'centre': was expecting (JSON String, Number, Array,"
                        + " Object or token 'null', 'true' or 'false') (line 1, column 1)",
                refusal("centre = SOU".getBytes(StandardCharsets.US_ASCII)).getMessage());
        assertEquals("config.json: the document is empty", refusal(new byte[0]).getMessage());
        assertEquals(
                "config.json: must be an object, not a list",
                refusal("[1, 2]".getBytes(StandardCharsets.US_ASCII)).getMessage());
    }
}
