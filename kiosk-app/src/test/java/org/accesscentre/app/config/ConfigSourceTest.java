package org.accesscentre.app.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.accesscentre.core.Release;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigs;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A configuration pushed in a real signed bundle, staged in a real store file as the daemon stages it, checked
 * and applied by the app, or refused with its reason while the one in force stays.
 */
class ConfigSourceTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:00:00Z"));
    private ConfigBundles bundles;
    private SqliteStore store;
    private DeviceConfig fromFile;
    private ConfigSource source;

    @BeforeEach
    void kiosk() throws Exception {
        bundles = new ConfigBundles(dir);
        Files.createDirectories(bundles.dataDir);
        store = SqliteStore.open(SqliteStore.fileIn(bundles.dataDir), StoreOptions.DEFAULTS);
        fromFile = bundles.fromFile();
        source = ConfigSource.open(store, DeviceConfigs.resolve(fromFile), clock.instant());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void aNewerConfigurationIsCheckedKeptAndRecordedAsApplied() throws Exception {
        ObjectNode json = bundles.json().put("idleTimeoutSeconds", 200).put("idleWarningSeconds", 40);
        json.putArray("locales").add("fr").add("en");
        StagedBundle staged = stage(1, bundles.config(1, json));

        ConfigSource.Applied applied =
                assertInstanceOf(ConfigSource.Applied.class, source.applyStaged(clock.instant()));

        assertEquals(1, applied.version());
        assertEquals(List.of(), applied.onRestart(), "everything that changed changes live");
        assertEquals(Duration.ofSeconds(200), source.config().idle().timeout());
        assertEquals(List.of("fr", "en"), source.config().locales());
        assertEquals(
                Optional.of(ConfigBundles.ENROLMENT_CODE),
                source.config().enrolmentCode(),
                "the code stays the file's");
        assertEquals(Optional.of(staged), DeviceState.read(store, DeviceState.applied("config")));
        assertEquals(Optional.empty(), DeviceState.read(store, DeviceState.refused("config")));
        Path kept = DeviceConfigs.kept(bundles.dataDir, 1);
        assertArrayEquals(org.accesscentre.core.json.Json.wire().writeValueAsBytes(json), Files.readAllBytes(kept));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)), "PIN hashes");
    }

    @Test
    void nothingHappensWithoutANewerStagedConfiguration() throws Exception {
        assertInstanceOf(ConfigSource.Unchanged.class, source.applyStaged(clock.instant()));
        apply(1, bundles.json());
        stage(1, bundles.config(1, bundles.json()));
        assertInstanceOf(ConfigSource.Unchanged.class, source.applyStaged(clock.instant()));
        assertEquals(1, source.version());
    }

    /** A bundle to push: made from the base JSON, which the case may change. */
    @FunctionalInterface
    interface Push {
        Path make(ConfigBundles bundles, ObjectNode json, long version) throws Exception;
    }

    static Stream<Arguments> refusals() {
        KeyPair stranger = Keys.generate(Keys.ED25519);
        return Stream.of(
                refused(
                        "another centre",
                        "may not move the kiosk: it names centre VFT, not SOU",
                        (b, j, v) -> b.config(v, j.put("centre", "VFT"))),
                refused(
                        "another kiosk number",
                        "may not move the kiosk: it names kiosk 4, not 3",
                        (b, j, v) -> b.config(v, j.put("kiosk", 4))),
                refused(
                        "another portal",
                        "it names portal https://elsewhere.gov.lc, not https://portal.gov.lc",
                        (b, j, v) -> {
                            ((ObjectNode) j.get("portal")).put("url", "https://elsewhere.gov.lc");
                            return b.config(v, j);
                        }),
                refused("another envelope key", "may not move the kiosk: it names envelope key", (b, j, v) -> {
                    ((ObjectNode) j.get("portal"))
                            .put(
                                    "envelopeKey",
                                    Keys.toBase64(Keys.generate(Keys.X25519).getPublic()));
                    return b.config(v, j);
                }),
                refused(
                        "another data directory",
                        "it names data directory /var/lib/elsewhere",
                        (b, j, v) -> b.config(v, j.put("dataDir", "/var/lib/elsewhere"))),
                refused(
                        "an enrolment code",
                        "carries an enrolmentCode",
                        (b, j, v) -> b.config(v, j.put("enrolmentCode", "AAAA-BBBB-CCCC"))),
                refused("signing keys without the key that signed it", "leave out key {signer}", (b, j, v) -> {
                    j.putArray("trustedSigningKeys").add(Keys.toBase64(stranger.getPublic()));
                    return b.config(v, j);
                }),
                refused("certificate pinning turned on", "turns certificate pinning on", (b, j, v) -> {
                    ((ObjectNode) j.get("portal"))
                            .putArray("pinSha256")
                            .add("q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
                    return b.config(v, j);
                }),
                refused(
                        "signed by a key the kiosk does not trust",
                        "unknown key",
                        (b, j, v) -> b.config(v, j, stranger.getPrivate())),
                refused("unsigned", "unsigned", (b, j, v) -> b.config(v, j, null)),
                refused(
                        "for a newer app",
                        "needs app release " + (Release.NUMBER + 1) + "; this kiosk runs " + Release.NUMBER,
                        (b, j, v) -> b.config(v, j, Release.NUMBER + 1)),
                refused("a catalogue bundle", "not a config bundle", (b, j, v) -> b.catalogue(v)),
                refused("tampered after signing", "SHA-256", (b, j, v) -> tampered(b.config(v, j))));
    }

    private static Arguments refused(String name, String reason, Push push) {
        return Arguments.of(name, reason, push);
    }

    /** {@code {signer}} in a reason stands for the trusted key's id. */
    @ParameterizedTest(name = "{0}: refused, and the configuration in force stays")
    @MethodSource("refusals")
    void aConfigurationThatMustNotApplyIsRefusedAndTheOneInForceStays(String name, String reason, Push push)
            throws Exception {
        StagedBundle inForce = apply(1, bundles.json());
        DeviceConfig before = source.config();
        stage(2, push.make(bundles, bundles.json(), 2));
        String expected = reason.replace("{signer}", Keys.keyId(bundles.signing.getPublic()));

        ConfigSource.Refused refused =
                assertInstanceOf(ConfigSource.Refused.class, source.applyStaged(clock.instant()), name);

        assertTrue(refused.reason().contains(expected), name + ": " + refused.reason());
        BundleRefusal recorded =
                DeviceState.read(store, DeviceState.refused("config")).orElseThrow();
        assertEquals(2, recorded.version());
        assertTrue(recorded.reason().startsWith("the app refused it: "), recorded.reason());
        assertTrue(recorded.reason().contains(expected), recorded.reason());
        assertEquals(1, source.version());
        assertEquals(before, source.config());
        assertEquals(Optional.of(inForce), DeviceState.read(store, DeviceState.applied("config")));
        assertFalse(Files.exists(DeviceConfigs.kept(bundles.dataDir, 2)), "nothing of it is kept");
        assertEquals(1, DeviceConfigs.resolve(fromFile).inForce().version(), "nor used at the next start");
    }

    @Test
    void aRefusedVersionIsNotTriedAgainButTheNextIs() throws Exception {
        stage(1, bundles.config(1, bundles.json().put("kiosk", 9)));
        assertInstanceOf(ConfigSource.Refused.class, source.applyStaged(clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(ConfigSource.Unchanged.class, source.applyStaged(clock.instant()));
        assertEquals(
                clock.instant().minus(Duration.ofMinutes(5)),
                DeviceState.read(store, DeviceState.refused("config"))
                        .orElseThrow()
                        .at(),
                "not refused a second time");

        stage(2, bundles.config(2, bundles.json().put("idleTimeoutSeconds", 120)));
        assertInstanceOf(ConfigSource.Applied.class, source.applyStaged(clock.instant()));
        assertEquals(2, source.version());
    }

    @Test
    void signingKeysRotateThroughAConfigurationSignedByAKeyItKeeps() throws Exception {
        KeyPair next = Keys.generate(Keys.ED25519);
        ObjectNode both = bundles.json();
        both.withArray("trustedSigningKeys").add(Keys.toBase64(next.getPublic()));
        apply(1, both); // signed by the old key, which it keeps: the new one is trusted from now on

        ObjectNode onlyNew = bundles.json();
        onlyNew.putArray("trustedSigningKeys").add(Keys.toBase64(next.getPublic()));
        stage(2, bundles.config(2, onlyNew, next.getPrivate()));
        ConfigSource.Applied applied =
                assertInstanceOf(ConfigSource.Applied.class, source.applyStaged(clock.instant()));
        assertEquals(List.of("trustedSigningKeys (sync daemon)"), applied.onRestart());

        stage(3, bundles.config(3, both));
        ConfigSource.Refused refused =
                assertInstanceOf(ConfigSource.Refused.class, source.applyStaged(clock.instant()));
        assertTrue(refused.reason().contains("unknown key"), "the old key is retired: " + refused.reason());
    }

    @Test
    void settingsThatWaitForARestartAreNamed() throws Exception {
        ObjectNode json = bundles.json().put("timeZone", "America/Barbados").put("retentionDays", 60);
        json.putObject("hardware").put("helpButtonPin", 17);
        stage(1, bundles.config(1, json));
        ConfigSource.Applied applied =
                assertInstanceOf(ConfigSource.Applied.class, source.applyStaged(clock.instant()));
        assertEquals(List.of("timeZone (app)", "hardware (app)", "retentionDays (sync daemon)"), applied.onRestart());
    }

    @Test
    void theNextStartUsesTheAppliedConfiguration() throws Exception {
        ObjectNode json = bundles.json().put("idleTimeoutSeconds", 300);
        json.putArray("locales").add("fr");
        apply(1, json);

        DeviceConfig inForce = DeviceConfigs.inForce(fromFile);
        assertEquals(List.of("fr"), inForce.locales());
        assertEquals(Duration.ofSeconds(300), inForce.idle().timeout());
        assertEquals(Optional.of(ConfigBundles.ENROLMENT_CODE), inForce.enrolmentCode());

        ConfigSource restarted = ConfigSource.open(store, DeviceConfigs.resolve(fromFile), clock.instant());
        assertEquals(1, restarted.version());
        assertEquals(source.config(), restarted.config());
        assertEquals(Optional.empty(), DeviceState.read(store, DeviceState.refused("config")));
    }

    @Test
    void aCorruptAppliedFileFallsBackToThePreviousOneAndTheRefusalIsReported() throws Exception {
        StagedBundle first = apply(1, bundles.json().put("idleTimeoutSeconds", 100));
        apply(2, bundles.json().put("idleTimeoutSeconds", 200));
        Path second = DeviceConfigs.kept(bundles.dataDir, 2);
        Files.write(second, "{\"format\": 1, \"centre\": \"SO".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        DeviceConfigs.Resolution found = DeviceConfigs.resolve(fromFile);
        assertEquals(1, found.inForce().version());
        assertEquals(Duration.ofSeconds(100), found.inForce().config().idle().timeout());
        clock.advance(Duration.ofHours(1));
        ConfigSource restarted = ConfigSource.open(store, found, clock.instant());

        assertEquals(1, restarted.version());
        BundleRefusal refusal =
                DeviceState.read(store, DeviceState.refused("config")).orElseThrow();
        assertEquals(2, refusal.version());
        assertTrue(refusal.reason().startsWith("the app refused it at start: config-2.json"), refusal.reason());
        StagedBundle applied =
                DeviceState.read(store, DeviceState.applied("config")).orElseThrow();
        assertEquals(1, applied.version(), "the heartbeat says the kiosk went back to 1");
        assertEquals(DeviceConfigs.kept(bundles.dataDir, 1).toString(), applied.file());
        assertTrue(refusal.version() > applied.version(), "so the daemon's heartbeat reports the refusal");
        assertFalse(Files.exists(second));
        assertTrue(Files.exists(second.resolveSibling("config-2.json" + DeviceConfigs.REFUSED)), "kept to look at");
        assertEquals(List.of(), DeviceConfigs.resolve(fromFile).refused(), "set aside: the daemon agrees");
        assertEquals(1, first.version());

        // Version 2 is not applied again from its staged bundle; a newer one is.
        assertInstanceOf(ConfigSource.Unchanged.class, restarted.applyStaged(clock.instant()));
        stage(3, bundles.config(3, bundles.json()));
        assertInstanceOf(ConfigSource.Applied.class, restarted.applyStaged(clock.instant()));
    }

    @Test
    void aKeptConfigurationForAnotherPortalThanTheFileSaysIsSetAside() throws Exception {
        apply(1, bundles.json());
        ObjectNode moved = bundles.json();
        ((ObjectNode) moved.get("portal")).put("url", "https://new-portal.gov.lc");
        DeviceConfig reprovisioned = bundles.fromFile(moved);

        DeviceConfigs.Resolution found = DeviceConfigs.resolve(reprovisioned);
        assertEquals(0, found.inForce().version());
        assertEquals(reprovisioned, found.inForce().config());
        ConfigSource restarted = ConfigSource.open(store, found, clock.instant());

        assertEquals(0, restarted.version());
        assertEquals(
                0,
                DeviceState.read(store, DeviceState.applied("config"))
                        .orElseThrow()
                        .version());
        String reason = DeviceState.read(store, DeviceState.refused("config"))
                .orElseThrow()
                .reason();
        assertTrue(
                reason.contains(
                        "no longer matches the file given with --config: it names portal https://portal.gov.lc"),
                reason);
    }

    @Test
    void aConfigurationTheAppCannotStartWithGivesWayToTheOneBefore() throws Exception {
        apply(1, bundles.json());
        apply(2, bundles.json().put("idleTimeoutSeconds", 200));

        ConfigStart.Started<DeviceConfigs.Resolution> started =
                ConfigStart.first(DeviceConfigs.resolve(fromFile), found -> {
                    if (found.inForce().version() == 2) {
                        throw new IllegalStateException("the printer port is busy");
                    }
                    return found;
                });
        assertEquals(1, started.found().inForce().version());
        assertTrue(Files.exists(DeviceConfigs.kept(bundles.dataDir, 2)), "nothing set aside before a start worked");

        ConfigSource.open(store, started.found(), clock.instant());
        BundleRefusal refusal =
                DeviceState.read(store, DeviceState.refused("config")).orElseThrow();
        assertEquals(2, refusal.version());
        assertTrue(
                refusal.reason()
                        .contains("could not start with it: java.lang.IllegalStateException: the printer port is busy"),
                refusal.reason());
        assertEquals(1, DeviceConfigs.resolve(fromFile).inForce().version());
    }

    @Test
    void whenNothingStartsNothingIsSetAside() throws Exception {
        apply(1, bundles.json());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> ConfigStart.first(DeviceConfigs.resolve(fromFile), found -> {
                    throw new IllegalStateException("no display");
                }));
        assertEquals("no display", e.getMessage());
        assertTrue(Files.exists(DeviceConfigs.kept(bundles.dataDir, 1)));
        assertEquals(Optional.empty(), DeviceState.read(store, DeviceState.refused("config")));
    }

    @Test
    void onlyTheConfigurationInForceAndTheOneBeforeItAreKept() throws Exception {
        for (long v = 1; v <= 4; v++) {
            apply(v, bundles.json().put("retentionDays", 30 + (int) v));
        }
        try (Stream<Path> files = Files.list(DeviceConfigs.dir(bundles.dataDir))) {
            assertEquals(
                    List.of("config-3.json", "config-4.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    private StagedBundle apply(long version, ObjectNode json) throws Exception {
        StagedBundle staged = stage(version, bundles.config(version, json));
        assertInstanceOf(ConfigSource.Applied.class, source.applyStaged(clock.instant()));
        return staged;
    }

    private StagedBundle stage(long version, Path bundle) throws Exception {
        return ConfigBundles.stage(store, bundle, version, clock.instant());
    }

    /** The bundle with one byte of config.json changed; the signature and manifest are untouched. */
    private static Path tampered(Path bundle) throws Exception {
        byte[] bytes = Files.readAllBytes(bundle);
        byte[] from = "America/St_Lucia".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                bytes[i + from.length - 1] = 'o';
                Files.write(bundle, bytes);
                return bundle;
            }
        }
        throw new AssertionError("config.json is not stored as is");
    }
}
