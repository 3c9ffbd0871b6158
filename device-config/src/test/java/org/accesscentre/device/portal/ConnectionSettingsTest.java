package org.accesscentre.device.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {
    private static final Map<String, String> VARIABLES =
            Map.of("KIOSK_PORTAL", "https://from.variable", "KIOSK_TOKEN", "variable.token");

    @TempDir
    Path home;

    private Path defaultFile(String text) throws Exception {
        Path f = ConnectionSettings.defaultEnvFile(home);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    private static String portal(ConnectionSettings.Found found) {
        return found.portal().orElseThrow().text();
    }

    private static String token(ConnectionSettings.Found found) {
        return found.token().orElseThrow().text();
    }

    @Test
    void optionsWinOverVariablesWhichWinOverTheFile() throws Exception {
        Path f = defaultFile("KIOSK_PORTAL=https://from.file\nKIOSK_TOKEN=file.token\n");

        var options = ConnectionSettings.find("https://from.option", "option.token", null, VARIABLES, home);
        var variables = ConnectionSettings.find(null, null, null, VARIABLES, home);
        var file = ConnectionSettings.find(null, null, null, Map.of(), home);

        assertEquals("https://from.option", portal(options));
        assertEquals("option.token", token(options));
        assertEquals("--token", options.token().orElseThrow().source());
        assertEquals("https://from.variable", portal(variables));
        assertEquals("KIOSK_TOKEN", variables.token().orElseThrow().source());
        assertEquals("https://from.file", portal(file));
        assertEquals("KIOSK_TOKEN in " + f, file.token().orElseThrow().source());
    }

    @Test
    void eachSettingIsLookedUpOnItsOwn() throws Exception {
        defaultFile("KIOSK_PORTAL=https://from.file\nKIOSK_TOKEN=file.token\n");

        var found = ConnectionSettings.find(null, "option.token", null, Map.of(), home);

        assertEquals("https://from.file", portal(found));
        assertEquals("option.token", token(found));
    }

    @Test
    void anEmptyVariableIsUnsetButAnEmptyOptionIsGiven() throws Exception {
        defaultFile("KIOSK_PORTAL=https://from.file\nKIOSK_TOKEN=file.token\n");

        var found = ConnectionSettings.find("", null, null, Map.of("KIOSK_TOKEN", ""), home);

        assertEquals("", portal(found));
        assertEquals("file.token", token(found));
    }

    @Test
    void anEnvFileNamedByOptionOrVariableIsUsedInsteadOfTheDefault() throws Exception {
        defaultFile("KIOSK_PORTAL=https://from.default\n");
        Path named = home.resolve("ops.env");
        Files.writeString(named, "KIOSK_PORTAL=https://from.named\n");
        Files.setPosixFilePermissions(named, PosixFilePermissions.fromString("rw-------"));

        assertEquals("https://from.named", portal(ConnectionSettings.find(null, null, named, Map.of(), home)));
        assertEquals(
                "https://from.named",
                portal(ConnectionSettings.find(null, null, null, Map.of("KIOSKCTL_ENV", named.toString()), home)));
    }

    @Test
    void aMissingDefaultFileIsNothingButAMissingNamedFileIsAnError() throws Exception {
        var found = ConnectionSettings.find(null, null, null, Map.of(), home);

        assertEquals(Optional.empty(), found.portal());
        assertEquals(Optional.empty(), found.token());
        assertThrows(
                NoSuchFileException.class,
                () -> ConnectionSettings.find("https://x", "t", home.resolve("nope"), Map.of(), home));
        assertThrows(
                NoSuchFileException.class,
                () -> ConnectionSettings.find(null, null, null, Map.of("KIOSKCTL_ENV", home + "/nope"), home));
    }

    @Test
    void theDefaultFileIsNotReadWhenNothingIsMissing() throws Exception {
        Path f = defaultFile("this line is not NAME=value but is never read\nKIOSK_TOKEN=x\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));

        var found = ConnectionSettings.find(null, null, null, VARIABLES, home);

        assertEquals("variable.token", token(found));
        assertThrows(EnvFileException.class, () -> ConnectionSettings.find(null, null, null, Map.of(), home));
    }

    @Test
    void aValueNeverShowsItsTextWhenPrinted() {
        assertEquals("KIOSK_TOKEN", new ConnectionSettings.Value("tk_x.secret", "KIOSK_TOKEN").toString());
    }
}
