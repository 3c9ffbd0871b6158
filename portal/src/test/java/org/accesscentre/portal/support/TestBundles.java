package org.accesscentre.portal.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Arrays;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.bundle.BundleBuilder;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.BundleKind;
import org.accesscentre.device.bundle.BundleSigner;
import org.accesscentre.device.bundle.BundleSpec;
import org.accesscentre.testing.ReleaseDirs;
import org.jspecify.annotations.Nullable;

/**
 * Real bundle files as the ICT office's {@code kioskctl} makes them: the demo catalogue under a new version,
 * and device configurations, built with the real builder and signed with the real signer.
 */
public final class TestBundles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Clock clock;
    private int made;

    public TestBundles(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The demo catalogue's JSON with its "version" rewritten, since a catalogue bundle carries its own. */
    public static byte[] catalogueJson(long version) {
        try (InputStream in = DemoCatalogue.open()) {
            ObjectNode json = (ObjectNode) MAPPER.readTree(in);
            json.put("version", version);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo catalogue as a kiosk holding that version would read it. */
    public static Catalogue catalogue(long version) {
        try {
            return CatalogueReader.strict()
                    .read(new java.io.ByteArrayInputStream(catalogueJson(version)), "catalogue " + version);
        } catch (JsonInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A catalogue bundle of {@code version}, signed by {@code key}, or unsigned when it is null. */
    public byte[] catalogue(long version, @Nullable PrivateKey key) {
        return build(BundleKind.CATALOGUE, version, "catalogue.json", catalogueJson(version), key);
    }

    /** A catalogue bundle that needs at least app release {@code minAppVersion}. */
    public byte[] catalogue(long version, PrivateKey key, long minAppVersion) {
        return build(
                new BundleSpec(BundleKind.CATALOGUE, version, minAppVersion, java.util.Optional.empty()),
                "catalogue.json",
                catalogueJson(version),
                key);
    }

    /**
     * A configuration bundle for a centre and kiosk; {@code note} goes into the file, so two configurations
     * can be told apart by their bytes.
     */
    public byte[] config(long version, String centre, int kiosk, String note, KeyPair signing, PrivateKey key) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", 1).put("centre", centre).put("kiosk", kiosk);
        root.putObject("portal")
                .put("url", "https://portal.gov.lc")
                .put("envelopeKey", Keys.toBase64(Keys.generate(Keys.X25519).getPublic()));
        root.putArray("trustedSigningKeys").add(Keys.toBase64(signing.getPublic()));
        root.put("timeZone", "America/St_Lucia");
        root.put("dataDir", "/var/lib/kiosk/" + note);
        try {
            return build(BundleKind.CONFIG, version, "config.json", MAPPER.writeValueAsBytes(root), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A release bundle of {@code version}, laid out by kiosk-testing's {@link ReleaseDirs} (small stand-in jars)
     * and needing at least the catalogue and configuration versions given.
     */
    public byte[] release(long version, long minCatalogue, long minConfig, PrivateKey key) {
        try {
            Path input = ReleaseDirs.write(dir.resolve("input-" + ++made), version, minCatalogue, minConfig, 0);
            return build(BundleSpec.of(BundleKind.RELEASE, version), input, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A release with one more library of {@code padding} random bytes: bigger than one piece of a download. */
    public byte[] largeRelease(long version, int padding, PrivateKey key) {
        try {
            Path input = ReleaseDirs.write(dir.resolve("input-" + ++made), version);
            byte[] bytes = new byte[padding];
            new java.util.Random(version).nextBytes(bytes);
            bytes[0] = 'P';
            bytes[1] = 'K';
            bytes[2] = 3;
            bytes[3] = 4;
            Files.write(input.resolve("kiosk-app/lib/padding-1.0.jar"), bytes);
            return build(BundleSpec.of(BundleKind.RELEASE, version), input, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] build(BundleKind kind, long version, String name, byte[] content, @Nullable PrivateKey key) {
        return build(BundleSpec.of(kind, version), name, content, key);
    }

    private byte[] build(BundleSpec spec, String name, byte[] content, @Nullable PrivateKey key) {
        try {
            Path input = Files.createDirectories(dir.resolve("input-" + ++made));
            Files.write(input.resolve(name), content);
            return build(spec, input, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] build(BundleSpec spec, Path input, @Nullable PrivateKey key) {
        try {
            Path out = dir.resolve("bundle-" + made + ".zip");
            new BundleBuilder(clock).build(spec, input, out);
            if (key != null) {
                BundleSigner.sign(out, key);
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundle with one text in its content changed for another of the same length, signature untouched. */
    public static byte[] tamper(byte[] bundle, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("the replacement must be as long as the text");
        }
        for (int i = 0; i + a.length <= bundle.length; i++) {
            if (Arrays.equals(bundle, i, i + a.length, a, 0, a.length)) {
                byte[] copy = bundle.clone();
                System.arraycopy(b, 0, copy, i, b.length);
                return copy;
            }
        }
        throw new IllegalArgumentException("the bundle does not contain " + from);
    }
}
