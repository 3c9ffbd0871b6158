package org.accesscentre.sync.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor runs the real command: here a script in systemctl's place that records what it was asked. */
class SystemctlSupervisorTest {
    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path file = dir.resolve("systemctl");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    @Test
    void asksSystemdToRestartBothUnitsWithoutWaitingForThem() throws Exception {
        Path args = dir.resolve("args");
        Path systemctl = script("echo \"$@\" > " + args);

        new SystemctlSupervisor(systemctl.toString(), SystemctlSupervisor.UNITS).restartAll();

        assertEquals(
                "--no-block restart kiosk-app.service kiosk-sync.service",
                Files.readString(args).strip());
    }

    @Test
    void aFailedRestartSaysWhatSystemdSaid() throws Exception {
        Path systemctl = script("echo 'Unit kiosk-app.service not found.'; exit 5");

        IOException e = assertThrows(
                IOException.class,
                () -> new SystemctlSupervisor(systemctl.toString(), SystemctlSupervisor.UNITS).restartAll());

        assertTrue(e.getMessage().contains("failed with 5: Unit kiosk-app.service not found."), e.getMessage());
    }
}
