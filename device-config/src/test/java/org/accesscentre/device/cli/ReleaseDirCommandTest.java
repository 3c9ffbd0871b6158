package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.accesscentre.testing.ReleaseDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseDirCommandTest {
    @TempDir
    Path dir;

    @Test
    void releaseDirThenBuildMakesAReleaseBundleFromTheMavenBuild() throws Exception {
        Path root = dir.resolve("repo");
        for (String module : new String[] {"kiosk-app", "sync-daemon"}) {
            Path target = Files.createDirectories(
                            root.resolve(module).resolve("target").resolve("lib"))
                    .getParent();
            ReleaseDirs.jar(target.resolve(module + "-0.1.0.jar"), module);
            ReleaseDirs.jar(target.resolve("lib").resolve("jackson-core-2.19.jar"), "jackson");
        }
        Path out = dir.resolve("r3");

        Ctl.Result laid = Ctl.run(
                "bundle",
                "release-dir",
                "--from-build",
                root.toString(),
                "--version",
                "3",
                "--notes",
                "Line one\\nLine two",
                "--min-store-version",
                "2",
                "--out",
                out.toString());
        assertEquals(0, laid.exit(), laid.err());
        assertTrue(laid.out().startsWith("ok: wrote " + out + ": release 3, 5 files"), laid.out());
        assertTrue(Files.readString(out.resolve("release.json")).contains("\"notes\" : \"Line one\\nLine two\""));

        Ctl.Result built = Ctl.run(
                "bundle",
                "build",
                "--kind",
                "release",
                "--version",
                "3",
                "--in",
                out.toString(),
                "--out",
                dir.resolve("r3.bundle").toString());
        assertEquals(0, built.exit(), built.err());

        Ctl.Result wrongVersion = Ctl.run(
                "bundle",
                "build",
                "--kind",
                "release",
                "--version",
                "4",
                "--in",
                out.toString(),
                "--out",
                dir.resolve("r4.bundle").toString());
        assertEquals(
                "cannot build: release.json says version 3 but the bundle is version 4; make them the same",
                wrongVersion.errorLine());
    }
}
