package org.accesscentre.device.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvFileTest {
    @TempDir
    Path dir;

    private Path file(String text, String mode) throws Exception {
        Path f = dir.resolve("env");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void readsNamesAndValuesSkippingBlankLinesAndComments() throws Exception {
        Path f = file("""
                # the ICT office's portal
                KIOSK_PORTAL=https://portal.gov.lc

                  KIOSK_TOKEN = tk_abcdefghijkl.s3cr3t=with=equals
                export OTHER="quoted value"
                SINGLE='x'
                """, "rw-------");

        assertEquals(
                Map.of(
                        "KIOSK_PORTAL", "https://portal.gov.lc",
                        "KIOSK_TOKEN", "tk_abcdefghijkl.s3cr3t=with=equals",
                        "OTHER", "quoted value",
                        "SINGLE", "x"),
                EnvFile.read(f));
    }

    @Test
    void windowsLineEndingsAndAnEmptyFileAreFine() throws Exception {
        assertEquals(Map.of("A", "1", "B", "2"), EnvFile.read(file("A=1\r\nB=2\r\n", "rw-------")));
        assertEquals(Map.of(), EnvFile.read(file("", "r--------")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-r--r--", "rw--w----", "rw-----w-", "rwx---r-x"})
    void aFileOthersMayReadOrChangeIsRefusedWithoutQuotingTheToken(String mode) throws Exception {
        Path f = file("KIOSK_TOKEN=tk_abcdefghijkl.secret\n", mode);

        EnvFileException e = assertThrows(EnvFileException.class, () -> EnvFile.read(f));

        assertEquals(
                f + ": others may read or change it (" + mode + ") and it holds a token; chmod 600 it", e.getMessage());
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void aMalformedLineIsNamedByItsNumberNotItsContent() throws Exception {
        Path f = file("KIOSK_PORTAL=https://portal.gov.lc\ntk_abcdefghijkl.secret\n", "rw-------");

        EnvFileException e = assertThrows(EnvFileException.class, () -> EnvFile.read(f));

        assertEquals(f + ": line 2: expected NAME=value", e.getMessage());
    }

    @Test
    void aNameSetTwiceIsAmbiguousAndRefused() throws Exception {
        Path f = file("KIOSK_TOKEN=a\nKIOSK_TOKEN=b\n", "rw-------");

        assertEquals(
                f + ": line 2: KIOSK_TOKEN is set twice",
                assertThrows(EnvFileException.class, () -> EnvFile.read(f)).getMessage());
    }

    @Test
    void missingLargeDirectoryAndNonUtf8FilesAreRefused() throws Exception {
        assertThrows(NoSuchFileException.class, () -> EnvFile.read(dir.resolve("nope")));
        assertEquals(
                dir + ": not a regular file",
                assertThrows(EnvFileException.class, () -> EnvFile.read(dir)).getMessage());
        Path big = file("A=" + "x".repeat(EnvFile.MAX_BYTES) + "\n", "rw-------");
        assertEquals(
                big + ": larger than 65536 bytes; an env file is a few lines",
                assertThrows(EnvFileException.class, () -> EnvFile.read(big)).getMessage());
        Files.write(big, new byte[] {'A', '=', (byte) 0xff, '\n'});
        assertEquals(
                big + ": not UTF-8 text",
                assertThrows(EnvFileException.class, () -> EnvFile.read(big)).getMessage());
    }
}
