package org.accesscentre.device.bundle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** SHA-256, CRC-32 and length of a stream of bytes, together, so each file is read once per purpose. */
final class Digester {
    private final MessageDigest sha256;
    private final CRC32 crc = new CRC32();
    private long size;

    Digester() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK lacks SHA-256", e);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        sha256.update(bytes, offset, length);
        crc.update(bytes, offset, length);
        size += length;
    }

    ContentDigest finish() {
        return new ContentDigest(size, HexFormat.of().formatHex(sha256.digest()), (int) crc.getValue());
    }

    static ContentDigest of(byte[] bytes) {
        Digester d = new Digester();
        d.update(bytes, 0, bytes.length);
        return d.finish();
    }
}
