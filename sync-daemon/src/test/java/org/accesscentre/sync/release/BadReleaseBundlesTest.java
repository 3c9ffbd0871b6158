package org.accesscentre.sync.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.signing.Ed25519;
import org.accesscentre.sync.release.CraftedBundles.Entry;
import org.accesscentre.testing.ReleaseDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A kiosk running release 5 is offered a bad release: each is refused with a clear reason, and nothing
 * changes on disk: no new slot, {@code current} and {@code previous} as they were.
 */
class BadReleaseBundlesTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private Releases releases;
    private BundleServer server;
    private Path root;
    private ReleaseInstaller installer;

    /** One bad offer: the bundle's bytes, and the offer the portal makes for them. */
    record Bad(byte[] bundle, ReleaseOffer offer) {}

    @FunctionalInterface
    interface Maker {
        Bad make(Releases r, BundleServer s) throws Exception;
    }

    @BeforeEach
    void runningFive() throws Exception {
        releases = new Releases(dir);
        server = new BundleServer();
        root = dir.resolve("releases");
        installer = releases.installer(root, () -> {}, InstallProgress.NONE);
        byte[] five = releases.bundle(5);
        server.serve(five);
        installer.install(Releases.offer(server, 5, five), Releases.DEVICE);
        installer.recover();
        installer.commit();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> badReleases() {
        return Stream.of(
                bad("wrong signature", (r, s) -> withSignatureOver(r, "{}", r.key), "refused: the signature by key"),
                bad(
                        "unknown key",
                        (r, s) -> signed(r, Keys.generate(Keys.ED25519), files(r, 6)),
                        "signed by unknown key"),
                bad("unsigned", BadReleaseBundlesTest::unsigned, "refused: the bundle is unsigned"),
                bad("tampered file", BadReleaseBundlesTest::tampered, "kiosk-app/lib/alpha-1.0.jar"),
                bad(
                        "extra file",
                        BadReleaseBundlesTest::extraFile,
                        "files/kiosk-app/lib/gamma.jar is not in the manifest"),
                bad("missing file", BadReleaseBundlesTest::missingFile, "sync-daemon/lib/beta-2.1.jar"),
                bad("lower version", (r, s) -> offer(s, 4, r.bundle(4)), "release 4 is older than release 5"),
                bad(
                        "lower version under a higher offer",
                        (r, s) -> offer(s, 7, r.bundle(4)),
                        "version 4 is older than the minimum 5"),
                bad(
                        "offer and bundle disagree",
                        (r, s) -> offer(s, 7, r.bundle(6)),
                        "the offer was for release 7 but the bundle is release 6"),
                bad(
                        "catalogue too old",
                        (r, s) -> minimums(r, s, 11, 0, 0),
                        "release 6 needs catalogue version 11 or later; this kiosk has 10"),
                bad("configuration too old", (r, s) -> minimums(r, s, 0, 12, 0), "needs configuration version 12"),
                bad("store schema too old", (r, s) -> minimums(r, s, 0, 0, 13), "needs local store schema 13"),
                bad("truncated download", BadReleaseBundlesTest::truncated, "not a readable bundle"),
                bad("server sends less than offered", BadReleaseBundlesTest::shortBody, "bytes but the offer says"),
                bad("hash differs from the offer", BadReleaseBundlesTest::wrongHash, "SHA-256"),
                bad("bundle over the size limit", BadReleaseBundlesTest::tooBig, "the limit is"),
                bad("path traversal", (r, s) -> hostileName(r, "files/../evil.jar"), "not a readable bundle"),
                bad("absolute path", (r, s) -> hostileName(r, "/etc/cron.d/evil"), "not a readable bundle"),
                bad("symbolic link in the archive", BadReleaseBundlesTest::symlink, "not in canonical form"),
                bad("duplicate entry", BadReleaseBundlesTest::duplicate, "files/release.json"),
                bad("entry claiming 3 GiB", BadReleaseBundlesTest::oversized, "not a readable bundle"),
                bad("compressed entry (zip bomb)", BadReleaseBundlesTest::zipBomb, "not a readable bundle"),
                bad(
                        "manifest of an unknown kind",
                        (r, s) -> signedKind(r, "firmware", files(r, 6)),
                        "must be catalogue, config or release, not 'firmware'"),
                bad(
                        "a catalogue bundle",
                        (r, s) -> signedKind(r, "catalogue", files(r, 6)),
                        "this is a catalogue bundle, not a release bundle"),
                bad(
                        "release.json missing a field",
                        (r, s) -> withReleaseJson(
                                r, ReleaseDirs.releaseJson(6, 0, 0, 0, "n").replace("\"minConfigVersion\": 0,", "")),
                        "release.json: minConfigVersion: is missing"),
                bad(
                        "release.json not JSON",
                        (r, s) -> withReleaseJson(r, "<html>captive portal</html>"),
                        "release.json:"),
                bad(
                        "release.json of another version",
                        (r, s) -> withReleaseJson(r, ReleaseDirs.releaseJson(7, 0, 0, 0, "n")),
                        "release.json says version 7 but the bundle is version 6"),
                bad(
                        "jar outside the modules",
                        (r, s) -> withFile(r, "tools/evil.jar", "PK".repeat(20)),
                        "'tools/' is not part of a release"),
                bad(
                        "script inside a module",
                        (r, s) -> withFile(r, "kiosk-app/postinst.sh", "rm -rf /"),
                        "'kiosk-app/postinst.sh' is not allowed"),
                bad(
                        "empty lib directory",
                        (r, s) -> without(r, "sync-daemon/lib/alpha-1.0.jar", "sync-daemon/lib/beta-2.1.jar"),
                        "sync-daemon/lib/ has no jars"),
                bad(
                        "missing module jar",
                        (r, s) -> without(r, "kiosk-app/kiosk-app.jar"),
                        "kiosk-app/kiosk-app.jar is missing"),
                bad("release.json missing", (r, s) -> without(r, "release.json"), "release.json is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReleases")
    void aBadReleaseIsRefusedAndNothingChanges(String name, Maker maker, String expected) throws Exception {
        Map<String, String> before = Releases.slotsAndLinks(root);
        Bad bad = maker.make(releases, server);
        server.serve(bad.bundle());
        ReleaseOffer o = bad.offer();
        ReleaseOffer offer = new ReleaseOffer(o.version(), server.url(), o.headers(), o.size(), o.sha256(), false);

        ReleaseException e = assertThrows(ReleaseException.class, () -> installer.install(offer, Releases.DEVICE));

        assertTrue(e.getMessage().startsWith("refused: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), name + ": " + e.getMessage());
        assertFalse(e.retryable(), name);
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(before, Releases.slotsAndLinks(root), name);
        assertEquals(5, new ReleaseSlots(root, InstallProgress.NONE).current());
        InstallJournal journal = installer.journal().orElseThrow();
        assertTrue(journal.step().isFinal(), journal.toString());
        assertEquals(5, journal.running());
        if (journal.to() == bad.offer().version() && journal.step() == InstallJournal.Step.ABORTED) {
            assertEquals(e.getMessage(), journal.note());
        }
        try (var downloads = Files.list(root.resolve(ReleaseSlots.DOWNLOADS))) {
            assertEquals(List.of(), downloads.toList(), "a refused bundle is not kept");
        }
    }

    private static Arguments bad(String name, Maker maker, String expected) {
        return Arguments.of(name, maker, expected);
    }

    private static Bad offer(BundleServer s, long version, byte[] bundle) {
        return new Bad(bundle, Releases.offer(s, version, bundle));
    }

    private static Map<String, byte[]> files(Releases r, long version) throws Exception {
        return CraftedBundles.files(r.releaseDir(version));
    }

    private static Bad signed(Releases r, KeyPair key, Map<String, byte[]> files) {
        return signedAs(r, key, "release", files, CraftedBundles.entries(files));
    }

    private static Bad signedKind(Releases r, String kind, Map<String, byte[]> files) {
        return signedAs(r, r.key, kind, files, CraftedBundles.entries(files));
    }

    private static Bad signedAs(Releases r, KeyPair key, String kind, Map<String, byte[]> listed, List<Entry> entries) {
        byte[] bundle = CraftedBundles.signed(
                CraftedBundles.manifest(kind, 6, listed), entries, key.getPrivate(), key.getPublic());
        return new Bad(bundle, ReleaseOffer.of(6, HTTP_PLACEHOLDER, bundle.length, CraftedBundles.sha256(bundle)));
    }

    /** The test puts the server's own address in every offer. */
    private static final okhttp3.HttpUrl HTTP_PLACEHOLDER = okhttp3.HttpUrl.get("http://127.0.0.1:1/bundle");

    private static Bad withSignatureOver(Releases r, String signedText, KeyPair key) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> all = new ArrayList<>();
        byte[] manifest = CraftedBundles.manifest("release", 6, files).getBytes(StandardCharsets.UTF_8);
        all.add(new Entry("manifest.json", manifest));
        all.addAll(CraftedBundles.entries(files));
        byte[] signature = Ed25519.sign(key.getPrivate(), signedText.getBytes(StandardCharsets.UTF_8));
        all.add(new Entry("signatures.json", CraftedBundles.signatures(Keys.keyId(key.getPublic()), signature)));
        return bytes(CraftedBundles.zip(all));
    }

    private static Bad unsigned(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> all = new ArrayList<>();
        all.add(new Entry(
                "manifest.json", CraftedBundles.manifest("release", 6, files).getBytes(StandardCharsets.UTF_8)));
        all.addAll(CraftedBundles.entries(files));
        all.add(new Entry("signatures.json", "{\"signatures\":[]}\n".getBytes(StandardCharsets.US_ASCII)));
        return bytes(CraftedBundles.zip(all));
    }

    private static Bad tampered(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        byte[] alpha = files.get("kiosk-app/lib/alpha-1.0.jar").clone();
        alpha[10] ^= 1;
        entries.replaceAll(e -> e.name().equals("files/kiosk-app/lib/alpha-1.0.jar") ? new Entry(e.name(), alpha) : e);
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad extraFile(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        entries.add(
                3,
                new Entry("files/kiosk-app/lib/gamma.jar", "PK gamma".repeat(5).getBytes(StandardCharsets.US_ASCII)));
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad missingFile(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        entries.removeIf(e -> e.name().equals("files/sync-daemon/lib/beta-2.1.jar"));
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad minimums(Releases r, BundleServer s, long catalogue, long config, long store) throws Exception {
        Path in = ReleaseDirs.write(r.dir.resolve("min-" + System.nanoTime()), 6, catalogue, config, store);
        return offer(s, 6, r.bundle(in, 6));
    }

    private static Bad truncated(Releases r, BundleServer s) throws Exception {
        byte[] half = Arrays.copyOf(r.bundle(6), 700);
        return offer(s, 6, half);
    }

    private static Bad shortBody(Releases r, BundleServer s) throws Exception {
        s.mode(BundleServer.Mode.SHORT_BODY);
        return offer(s, 6, r.bundle(6));
    }

    private static Bad wrongHash(Releases r, BundleServer s) throws Exception {
        byte[] bundle = r.bundle(6);
        return new Bad(bundle, ReleaseOffer.of(6, s.url(), bundle.length, CraftedBundles.sha256(new byte[1])));
    }

    private static Bad tooBig(Releases r, BundleServer s) throws Exception {
        byte[] bundle = r.bundle(6);
        return new Bad(bundle, ReleaseOffer.of(6, s.url(), Releases.MAX_BYTES + 1, CraftedBundles.sha256(bundle)));
    }

    private static Bad hostileName(Releases r, String name) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        entries.add(1, new Entry(name, "PK evil".repeat(5).getBytes(StandardCharsets.US_ASCII)));
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad symlink(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        entries.replaceAll(e ->
                e.name().equals("files/kiosk-app/lib/beta-2.1.jar") ? new Entry(e.name(), e.bytes(), 0120777, -1) : e);
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad duplicate(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        Entry release = entries.stream()
                .filter(e -> e.name().equals("files/release.json"))
                .findFirst()
                .orElseThrow();
        entries.add(entries.indexOf(release) + 1, release);
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad oversized(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        List<Entry> entries = CraftedBundles.entries(files);
        entries.replaceAll(e -> e.name().equals("files/kiosk-app/kiosk-app.jar")
                ? new Entry(e.name(), e.bytes(), 0100644, 3L << 30)
                : e);
        return signedAs(r, r.key, "release", files, entries);
    }

    private static Bad zipBomb(Releases r, BundleServer s) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(files(r, 6));
        files.put("kiosk-app/lib/zeros.jar", new byte[8 << 20]);
        byte[] manifest = CraftedBundles.manifest("release", 6, files).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("files/" + f.getKey()));
                zip.write(f.getValue());
            }
            zip.putNextEntry(new ZipEntry("signatures.json"));
            zip.write(CraftedBundles.signatures(
                    Keys.keyId(r.key.getPublic()), Ed25519.sign(r.key.getPrivate(), manifest)));
        }
        return bytes(out.toByteArray());
    }

    private static Bad withReleaseJson(Releases r, String json) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        files.put("release.json", json.getBytes(StandardCharsets.UTF_8));
        return signed(r, r.key, files);
    }

    private static Bad withFile(Releases r, String path, String content) throws Exception {
        Map<String, byte[]> files = new java.util.TreeMap<>(files(r, 6));
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return signed(r, r.key, files);
    }

    private static Bad without(Releases r, String... paths) throws Exception {
        Map<String, byte[]> files = files(r, 6);
        for (String p : paths) {
            files.remove(p);
        }
        return signed(r, r.key, files);
    }

    private static Bad bytes(byte[] bundle) {
        return new Bad(bundle, ReleaseOffer.of(6, HTTP_PLACEHOLDER, bundle.length, CraftedBundles.sha256(bundle)));
    }
}
