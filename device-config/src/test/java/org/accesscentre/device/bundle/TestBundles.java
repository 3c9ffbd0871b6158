package org.accesscentre.device.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.Fixtures;
import org.accesscentre.device.signing.Ed25519;

/**
 * Real bundles for tests, and hand-made archives for the ones a builder would never write: an extra entry,
 * a missing file, a hostile name, a duplicate. Hand-made archives use the canonical layout, so a test of one
 * refusal is not refused for another reason first.
 */
public final class TestBundles {
    private TestBundles() {}

    /** One entry of a hand-made archive. */
    public record Entry(String name, byte[] bytes) {}

    /** A signing key pair and its files, as {@code kioskctl keys create} writes them. */
    public record SigningKey(KeyPair pair, Path privateFile, Path publicFile) {
        public String keyId() {
            return Keys.keyId(pair.getPublic());
        }
    }

    public static SigningKey signingKey(Path dir) throws IOException {
        Files.createDirectories(dir);
        KeyPair pair = Keys.generate(Keys.ED25519);
        Path privateFile = dir.resolve("signing.key");
        Path publicFile = dir.resolve("signing.pub");
        Keys.writePrivate(privateFile, pair.getPrivate());
        Keys.writePublic(publicFile, pair.getPublic());
        return new SigningKey(pair, privateFile, publicFile);
    }

    /** A catalogue bundle of the given version, signed by {@code key}. */
    public static Path signedCatalogue(Path dir, long version, SigningKey key) throws IOException, BundleException {
        Path bundle = unsignedCatalogue(dir, version);
        BundleSigner.sign(bundle, key.pair().getPrivate());
        return bundle;
    }

    public static Path unsignedCatalogue(Path dir, long version) throws IOException, BundleException {
        Path input = Fixtures.catalogueDir(dir, version);
        Path bundle = dir.resolve("catalogue-" + version + ".bundle");
        new BundleBuilder(Fixtures.CLOCK).build(BundleSpec.of(BundleKind.CATALOGUE, version), input, bundle);
        return bundle;
    }

    /** The entries of an archive, in order, read with the JDK's own ZIP reader. */
    public static List<Entry> entries(Path archive) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                entries.add(new Entry(e.getName(), zip.getInputStream(e).readAllBytes()));
            }
        }
        return entries;
    }

    public static Map<String, byte[]> contents(Path archive) throws IOException {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        for (Entry e : entries(archive)) {
            byName.put(e.name(), e.bytes());
        }
        return byName;
    }

    /** Writes entries exactly as given, in the canonical layout. */
    public static Path write(Path file, List<Entry> entries) throws IOException {
        List<ZipLayout.Entry> layout = new ArrayList<>();
        List<ZipWriter.Content> contents = new ArrayList<>();
        for (Entry e : entries) {
            CRC32 crc = new CRC32();
            crc.update(e.bytes());
            layout.add(new ZipLayout.Entry(e.name(), e.bytes().length, (int) crc.getValue()));
            contents.add(out -> out.write(e.bytes()));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ZipWriter.write(out, ZipLayout.of(layout), contents);
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** {@code signatures.json} with one signature of {@code signed} by {@code key}. */
    public static byte[] signaturesOf(byte[] signed, SigningKey key) {
        return SignaturesCodec.write(
                List.of(BundleSignature.of(key.keyId(), Ed25519.sign(key.pair().getPrivate(), signed))));
    }

    public static byte[] noSignatures() {
        return SignaturesCodec.write(List.of());
    }

    public static byte[] flipped(byte[] bytes, int position, int mask) {
        byte[] copy = bytes.clone();
        copy[position] ^= (byte) mask;
        return copy;
    }
}
