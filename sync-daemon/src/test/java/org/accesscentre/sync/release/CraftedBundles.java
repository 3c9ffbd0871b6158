package org.accesscentre.sync.release;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.signing.Ed25519;

/**
 * Bundles made by hand, for the ones kioskctl would never write: a manifest of an unknown kind, an extra or
 * missing entry, a hostile name, a symbolic link. The archive follows ADR 0006's canonical layout byte for
 * byte unless told otherwise, so each refusal is for the flaw the test put in and not for another one first.
 */
final class CraftedBundles {
    /** One archive entry; {@code mode} is its Unix mode (0100644 for a regular file, 0120777 for a link). */
    record Entry(String name, byte[] bytes, int mode, long claimedSize) {
        Entry(String name, byte[] bytes) {
            this(name, bytes, 0100644, -1);
        }
    }

    private CraftedBundles() {}

    /** The files of a release directory, by bundle path, in the builder's order (sorted). */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    static String manifest(String kind, long version, Map<String, byte[]> listed) {
        StringBuilder sb = new StringBuilder("{\"format\": 1, \"kind\": \"" + kind + "\", \"version\": " + version
                + ", \"minAppVersion\": 0, \"files\": [");
        String sep = "";
        for (Map.Entry<String, byte[]> e : listed.entrySet()) {
            sb.append(sep)
                    .append("{\"path\": \"")
                    .append(e.getKey())
                    .append("\", \"size\": ")
                    .append(e.getValue().length)
                    .append(", \"sha256\": \"")
                    .append(sha256(e.getValue()))
                    .append("\"}");
            sep = ", ";
        }
        return sb.append("]}\n").toString();
    }

    /** manifest.json, the entries, then signatures.json with one signature of the manifest by {@code key}. */
    static byte[] signed(String manifest, List<Entry> files, PrivateKey key, PublicKey pub) {
        byte[] m = manifest.getBytes(StandardCharsets.UTF_8);
        List<Entry> all = new ArrayList<>();
        all.add(new Entry("manifest.json", m));
        all.addAll(files);
        all.add(new Entry("signatures.json", signatures(Keys.keyId(pub), Ed25519.sign(key, m))));
        return zip(all);
    }

    static List<Entry> entries(Map<String, byte[]> files) {
        List<Entry> entries = new ArrayList<>();
        files.forEach((path, bytes) -> entries.add(new Entry("files/" + path, bytes)));
        return entries;
    }

    static byte[] signatures(String keyId, byte[] signature) {
        return ("{\"signatures\":[\n{\"keyId\":\"" + keyId + "\",\"algorithm\":\"Ed25519\",\"signature\":\""
                        + Base64.getEncoder().encodeToString(signature) + "\"}\n]}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The canonical layout of ADR 0006: stored, fixed times and versions, no extras. */
    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(e.bytes());
            long size = e.claimedSize() >= 0 ? e.claimedSize() : e.bytes().length;
            int offset = out.size();
            ByteBuffer local = le(30 + name.length);
            local.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0);
            local.putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue());
            local.putInt((int) size)
                    .putInt((int) size)
                    .putShort((short) name.length)
                    .putShort((short) 0);
            local.put(name);
            out.writeBytes(local.array());
            out.writeBytes(e.bytes());
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) ((3 << 8) | 20)).putShort((short) 10);
            c.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0x21);
            c.putInt((int) crc.getValue()).putInt((int) size).putInt((int) size);
            c.putShort((short) name.length).putShort((short) 0).putShort((short) 0);
            c.putShort((short) 0).putShort((short) 0).putInt(e.mode() << 16).putInt(offset);
            c.put(name);
            central.writeBytes(c.array());
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        end.putShort((short) entries.size()).putShort((short) entries.size());
        end.putInt(central.size()).putInt(centralOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }
}
