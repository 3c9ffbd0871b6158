package org.accesscentre.device.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.bundle.BundleException.Reason;
import org.accesscentre.testing.ReleaseDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseBundleTest {
    @TempDir
    Path dir;

    private final BundleBuilder builder = new BundleBuilder(Fixtures.CLOCK);

    @FunctionalInterface
    interface Damage {
        void apply(Path in) throws Exception;
    }

    @Test
    void aReleaseBuildsSignsAndChecksOnTheDevice() throws Exception {
        TestBundles.SigningKey key = TestBundles.signingKey(dir.resolve("keys"));
        Path in = ReleaseDirs.write(dir.resolve("in"), 7, 3, 2, 4);
        Path bundle = dir.resolve("r7.bundle");
        Manifest manifest = builder.build(BundleSpec.of(BundleKind.RELEASE, 7), in, bundle);
        BundleSigner.sign(bundle, key.pair().getPrivate());

        ReleaseInfo info =
                ReleaseLayout.check(new BundleVerifier(List.of(key.pair().getPublic())).verify(bundle, 1));

        assertEquals(new ReleaseInfo(7, 3, 2, 4, "Release 7.\nSafer updates."), info);
        assertEquals(7, manifest.files().size());
        assertEquals(Optional.empty(), info.incompatibility(3, 2, 4));
        assertEquals(
                Optional.of("release 7 needs catalogue version 3 or later; this kiosk has 2"),
                info.incompatibility(2, 9, 9));
        assertEquals(
                Optional.of("release 7 needs configuration version 2 or later; this kiosk has 1"),
                info.incompatibility(3, 1, 9));
        assertEquals(
                Optional.of("release 7 needs local store schema 4 or later; this kiosk has 3"),
                info.incompatibility(3, 2, 3));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("release.json missing", in -> Files.delete(in.resolve("release.json")), "release.json is missing"),
                bad(
                        "unknown top-level file",
                        in -> Files.writeString(in.resolve("README"), "x"),
                        "'README' is not part of a release: it holds only release.json, kiosk-app/ and sync-daemon/"),
                bad(
                        "jar outside the modules",
                        in -> ReleaseDirs.jar(
                                Files.createDirectories(in.resolve("tools")).resolve("x.jar"), "x"),
                        "'tools/' is not part of a release"),
                bad(
                        "extra file in a module",
                        in -> Files.writeString(in.resolve("kiosk-app/run.sh"), "#!/bin/sh"),
                        "'kiosk-app/run.sh' is not allowed: kiosk-app/ holds only kiosk-app.jar and lib/*.jar"),
                bad(
                        "nested library",
                        in -> ReleaseDirs.jar(
                                Files.createDirectories(in.resolve("sync-daemon/lib/x"))
                                        .resolve("y.jar"),
                                "y"),
                        "'sync-daemon/lib/x/y.jar' is not allowed"),
                bad(
                        "module jar missing",
                        in -> Files.delete(in.resolve("sync-daemon/sync-daemon.jar")),
                        "sync-daemon/sync-daemon.jar is missing"),
                bad(
                        "empty lib directory",
                        in -> {
                            Files.delete(in.resolve("kiosk-app/lib/alpha-1.0.jar"));
                            Files.delete(in.resolve("kiosk-app/lib/beta-2.1.jar"));
                        },
                        "kiosk-app/lib/ has no jars"),
                bad(
                        "a jar too small to be one",
                        in -> Files.writeString(in.resolve("kiosk-app/lib/alpha-1.0.jar"), "PK"),
                        "'kiosk-app/lib/alpha-1.0.jar' is 2 bytes; a jar is 22 to 67108864 bytes"),
                bad(
                        "release.json not JSON",
                        in -> Files.writeString(in.resolve("release.json"), "version=7"),
                        "release.json:"),
                bad(
                        "release.json missing a field",
                        in -> Files.writeString(
                                in.resolve("release.json"),
                                ReleaseDirs.releaseJson(1, 0, 0, 0, "n").replace("\"minStoreVersion\": 0,", "")),
                        "release.json: minStoreVersion: is missing"),
                bad(
                        "release.json with an unknown property",
                        in -> Files.writeString(
                                in.resolve("release.json"),
                                ReleaseDirs.releaseJson(1, 0, 0, 0, "n").replace("{", "{\"minAppVerison\": 2,")),
                        "release.json: minAppVerison: unknown property 'minAppVerison'"),
                bad(
                        "release.json of another version",
                        in -> Files.writeString(in.resolve("release.json"), ReleaseDirs.releaseJson(2, 0, 0, 0, "n")),
                        "release.json says version 2 but the bundle is version 1; make them the same"),
                bad(
                        "empty notes",
                        in -> Files.writeString(in.resolve("release.json"), ReleaseDirs.releaseJson(1, 0, 0, 0, " ")),
                        "release.json: notes: must not be empty: say what changed"));
    }

    private static Arguments bad(String name, Damage damage, String message) {
        return Arguments.of(name, damage, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void aReleaseThatAKioskCouldNotRunIsNotBuilt(String name, Damage damage, String message) throws Exception {
        Path in = ReleaseDirs.write(dir.resolve("in"), 1);
        damage.apply(in);
        Path out = dir.resolve("out.bundle");

        BundleException e =
                assertThrows(BundleException.class, () -> builder.build(BundleSpec.of(BundleKind.RELEASE, 1), in, out));

        assertEquals(Reason.INVALID_INPUT, e.reason());
        assertEquals(true, e.getMessage().contains(message), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void aKioskReadsReleaseJsonLenientlyButKioskctlStrictly() throws Exception {
        byte[] newer = ReleaseDirs.releaseJson(4, 0, 0, 0, "n")
                .replace("{", "{\"rolloutHint\": \"slow\",")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(4, ReleaseInfo.read(newer, false).version());
        assertThrows(JsonInputException.class, () -> ReleaseInfo.read(newer, true));
        assertEquals(
                "release.json: format: this reader knows release format 1, not 2",
                assertThrows(
                                JsonInputException.class,
                                () -> ReleaseInfo.read(
                                        ReleaseDirs.releaseJson(4, 0, 0, 0, "n")
                                                .replace("\"format\": 1", "\"format\": 2")
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                        false))
                        .getMessage());
    }

    @Test
    void theAssemblerLaysOutAMavenBuild() throws Exception {
        Path root = dir.resolve("repo");
        for (String module : ReleaseLayout.MODULES) {
            Path target = Files.createDirectories(
                            root.resolve(module).resolve("target").resolve("lib"))
                    .getParent();
            ReleaseDirs.jar(target.resolve(module + "-0.1.0-SNAPSHOT.jar"), module);
            ReleaseDirs.jar(target.resolve(module + "-0.1.0-SNAPSHOT-tests.jar"), "tests");
            ReleaseDirs.jar(target.resolve("lib").resolve("okio-3.9.jar"), "okio");
            Files.writeString(target.resolve("lib").resolve("NOTICE.txt"), "not a jar");
        }
        Path out = dir.resolve("release-dir");
        ReleaseInfo info = new ReleaseInfo(5, 1, 1, 1, "Five.");

        List<ReleaseLayout.Item> items = ReleaseAssembler.assemble(root, out, info);

        assertEquals(5, items.size());
        assertEquals(
                List.of(
                        "kiosk-app/kiosk-app.jar",
                        "kiosk-app/lib/okio-3.9.jar",
                        "release.json",
                        "sync-daemon/lib/okio-3.9.jar",
                        "sync-daemon/sync-daemon.jar"),
                InputScanner.scan(out).stream().map(InputScanner.Source::path).toList());
        builder.build(BundleSpec.of(BundleKind.RELEASE, 5), out, dir.resolve("r5.bundle"));

        BundleException again = assertThrows(BundleException.class, () -> ReleaseAssembler.assemble(root, out, info));
        assertEquals("cannot assemble a release: " + out + " is not empty; give a new directory", again.getMessage());
        BundleException unbuilt = assertThrows(
                BundleException.class,
                () -> ReleaseAssembler.assemble(dir.resolve("nothing"), dir.resolve("o2"), info));
        assertEquals(true, unbuilt.getMessage().contains("build with ./mvnw package first"), unbuilt.getMessage());
        assertFalse(Files.exists(dir.resolve("o2")));
    }
}
