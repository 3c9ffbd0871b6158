package org.accesscentre.app.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.accesscentre.app.desk.Desks;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.StagedBundle;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.jspecify.annotations.Nullable;

/**
 * Configuration bundles as the ICT office makes them: {@code config.json} for kiosk SOU-03, built with the real
 * builder and signed with the real signer, then staged in the store the way the sync daemon stages them. The
 * kiosk's own file (what {@code --config} names) is written here too, with an enrolment code.
 */
public final class ConfigBundles {
    public static final String ENROLMENT_CODE = "K7Q4-M2XD-9PRT";
    private static final Clock BUILT = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);

    public final KeyPair signing = Keys.generate(Keys.ED25519);
    public final KeyPair envelope = Keys.generate(Keys.X25519);
    public final Path dir;
    public final Path dataDir;
    private int made;

    public ConfigBundles(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir.resolve("ict-office"));
        this.dataDir = dir.resolve("data").toAbsolutePath();
    }

    /** config.json as the kiosk's file has it, without the enrolment code: the base every push starts from. */
    public ObjectNode json() {
        ObjectNode c = Json.wire().createObjectNode();
        c.put("format", 1).put("centre", "SOU").put("kiosk", 3);
        c.putObject("portal")
                .put("url", "https://portal.gov.lc")
                .put("envelopeKey", Keys.toBase64(envelope.getPublic()));
        c.putArray("trustedSigningKeys").add(Keys.toBase64(signing.getPublic()));
        c.putArray("locales").add("en").add("fr");
        c.put("timeZone", "America/St_Lucia");
        c.putArray("attendants")
                .add(attendant("att-1", "Marie", Desks.MARIE.pinHash().encoded()))
                .add(attendant("att-2", "Joseph", Desks.JOSEPH.pinHash().encoded()));
        c.put("dataDir", dataDir.toString());
        return c;
    }

    public static ObjectNode attendant(String id, String name, String pinHash) {
        return Json.wire().createObjectNode().put("id", id).put("name", name).put("pinHash", pinHash);
    }

    /** The file given with {@code --config}: the base with an enrolment code, as read at start. */
    public DeviceConfig fromFile() throws Exception {
        return fromFile(json());
    }

    public DeviceConfig fromFile(ObjectNode json) throws Exception {
        json.put("enrolmentCode", ENROLMENT_CODE);
        Path file = dir.resolve("kiosk-" + ++made + ".json");
        Files.write(file, Json.wire().writeValueAsBytes(json));
        return DeviceConfigReader.lenient().read(file);
    }

    /** A config bundle of {@code version} holding {@code json}, signed by the trusted key. */
    public Path config(long version, ObjectNode json) throws Exception {
        return config(version, json, signing.getPrivate());
    }

    public Path config(long version, ObjectNode json, @Nullable PrivateKey key) throws Exception {
        return build(
                BundleSpec.of(BundleKind.CONFIG, version),
                "config.json",
                Json.wire().writeValueAsBytes(json),
                key);
    }

    /** A config bundle that needs at least app release {@code minApp}. */
    public Path config(long version, ObjectNode json, long minApp) throws Exception {
        return build(
                new BundleSpec(BundleKind.CONFIG, version, minApp, Optional.empty()),
                "config.json",
                Json.wire().writeValueAsBytes(json),
                signing.getPrivate());
    }

    /** A catalogue bundle (the demo catalogue), signed by the trusted key: the wrong kind for a configuration. */
    public Path catalogue(long version) throws Exception {
        return catalogue(version, signing.getPrivate());
    }

    public Path catalogue(long version, PrivateKey key) throws Exception {
        byte[] json;
        try (InputStream in = DemoCatalogue.open()) {
            ObjectNode c = (ObjectNode) Json.wire().readTree(in);
            c.put("version", version);
            json = Json.wire().writeValueAsBytes(c);
        }
        return build(BundleSpec.of(BundleKind.CATALOGUE, version), "catalogue.json", json, key);
    }

    private Path build(BundleSpec spec, String name, byte[] content, @Nullable PrivateKey key) throws Exception {
        Path input = Files.createDirectories(dir.resolve("input-" + ++made));
        Files.write(input.resolve(name), content);
        Path bundle = dir.resolve(spec.kind() + "-" + spec.version() + "-" + made + ".bundle");
        new BundleBuilder(BUILT).build(spec, input, bundle);
        if (key != null) {
            BundleSigner.sign(bundle, key);
        }
        return bundle;
    }

    /** Stages a bundle file for the app as the daemon does: {@code staged.config}, after its own checks. */
    public static StagedBundle stage(LocalStore store, Path bundle, long version, Instant at) throws Exception {
        return stage(store, "config", bundle, version, at);
    }

    /** Stages a bundle of {@code kind} ({@code config} or {@code catalogue}). */
    public static StagedBundle stage(LocalStore store, String kind, Path bundle, long version, Instant at)
            throws Exception {
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)));
        StagedBundle staged = new StagedBundle(kind, version, bundle.toString(), sha256, at);
        DeviceState.write(store, DeviceState.staged(kind), staged, at);
        return staged;
    }
}
