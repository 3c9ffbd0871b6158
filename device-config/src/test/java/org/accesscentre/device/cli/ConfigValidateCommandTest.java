package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kioskctl config validate} on files people get wrong: one line naming the problem, exit 1. */
class ConfigValidateCommandTest {
    @TempDir
    Path dir;

    private String refusal(Path file) {
        Ctl.Result result = Ctl.run("config", "validate", file.toString());
        assertEquals(1, result.exit(), result.toString());
        assertEquals("", result.out());
        return result.errorLine();
    }

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("config.json"), text, StandardCharsets.UTF_8);
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        var json = Fixtures.configJson(Keys.generate(Keys.ED25519));
        json.withObject("hardware").withObject("printer").put("baudRate", "fast");

        assertEquals(
                "config.json: hardware.printer.baudRate: must be a whole number, not text",
                refusal(Fixtures.write(dir.resolve("config.json"), json)));
    }

    @Test
    void plainHttpPortalIsNamed() throws Exception {
        var json = Fixtures.configJson(Keys.generate(Keys.ED25519));
        json.withObject("portal").put("url", "http://portal.gov.lc");

        assertEquals(
                "config.json: portal.url: must be https unless the host is loopback",
                refusal(Fixtures.write(dir.resolve("config.json"), json)));
    }

    @Test
    void textThatIsNotJsonIsOneLine() throws Exception {
        assertTrue(refusal(config("centre: SOU\nkiosk: 3\n")).startsWith("config.json: not valid JSON: "));
    }

    @Test
    void invalidUtf8IsOneLine() throws Exception {
        Path file = dir.resolve("config.json");
        Files.write(file, new byte[] {'{', '"', 'a', (byte) 0xff, '"', ':', '1', '}'});

        assertTrue(refusal(file).startsWith("config.json: "), "names the file");
    }

    @Test
    void deepNestingIsOneLine() throws Exception {
        assertTrue(refusal(config("[".repeat(5000) + "]".repeat(5000))).endsWith("nested deeper than 16 levels"));
    }

    @Test
    void fiftyMegabyteStringIsRefusedBeforeReading() throws Exception {
        Path file = dir.resolve("config.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"centre\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] megabyte = new byte[1 << 20];
            java.util.Arrays.fill(megabyte, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(megabyte);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }

        assertEquals("config.json: is 52428814 bytes; the limit is 1048576", refusal(file));
    }

    @Test
    void missingFileAndDirectoryAreOneLine() throws Exception {
        assertEquals("missing.json: no such file", refusal(dir.resolve("missing.json")));
        assertTrue(refusal(dir).startsWith(dir.getFileName() + ": could not be read: "));
    }
}
