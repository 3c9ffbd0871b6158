package org.accesscentre.device.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one byte layout of a bundle archive, apart from the entries' contents: every header, the central
 * directory and the end record, at fixed offsets. {@link ZipWriter} writes this layout; the verifier
 * compares an archive against it, which is what makes any altered byte a refusal.
 *
 * <p>Every choice is fixed (PKWARE APPNOTE 6.3.10): entries stored, version 1.0 needed, no flags (names are
 * ASCII, so the UTF-8 flag is never needed), DOS time 1980-01-01 00:00, no extra fields, no comments,
 * "made by" Unix 2.0 with mode 0644, no ZIP64. None of it depends on the JDK, unlike ZipOutputStream's.
 */
final class ZipLayout {
    static final int LOCAL_SIGNATURE = 0x04034b50;
    static final int CENTRAL_SIGNATURE = 0x02014b50;
    static final int END_SIGNATURE = 0x06054b50;
    static final int LOCAL_HEADER = 30;
    static final int CENTRAL_HEADER = 46;
    static final int END_RECORD = 22;

    private static final short VERSION_NEEDED = 10;
    private static final short VERSION_MADE_BY = (3 << 8) | 20; // host 3 = Unix, so the mode below applies
    private static final short DOS_TIME = 0;
    private static final short DOS_DATE = (1 << 5) | 1; // 1980-01-01, the earliest DOS date
    private static final int EXTERNAL_ATTRIBUTES = 0100644 << 16; // regular file, rw-r--r--

    /** One entry of the layout. */
    record Entry(String name, long size, int crc32) {}

    private final List<Entry> entries;
    private final long[] headerOffsets;
    private final long centralOffset;
    private final byte[] centralAndEnd;

    private ZipLayout(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.headerOffsets = new long[entries.size()];
        long offset = 0;
        for (int i = 0; i < entries.size(); i++) {
            headerOffsets[i] = offset;
            offset += LOCAL_HEADER
                    + nameBytes(entries.get(i)).length
                    + entries.get(i).size();
        }
        this.centralOffset = offset;
        this.centralAndEnd = centralDirectory();
    }

    static ZipLayout of(List<Entry> entries) {
        if (entries.size() > BundleLimits.MAX_ENTRIES) {
            throw new IllegalArgumentException("too many entries: " + entries.size());
        }
        return new ZipLayout(entries);
    }

    int size() {
        return entries.size();
    }

    Entry entry(int i) {
        return entries.get(i);
    }

    long headerOffset(int i) {
        return headerOffsets[i];
    }

    long dataOffset(int i) {
        return headerOffsets[i] + LOCAL_HEADER + nameBytes(entries.get(i)).length;
    }

    long centralOffset() {
        return centralOffset;
    }

    long totalSize() {
        return centralOffset + centralAndEnd.length;
    }

    byte[] localHeader(int i) {
        Entry e = entries.get(i);
        byte[] name = nameBytes(e);
        ByteBuffer b = buffer(LOCAL_HEADER + name.length);
        b.putInt(LOCAL_SIGNATURE).putShort(VERSION_NEEDED).putShort((short) 0).putShort((short) 0);
        b.putShort(DOS_TIME)
                .putShort(DOS_DATE)
                .putInt(e.crc32())
                .putInt(u32(e.size()))
                .putInt(u32(e.size()));
        b.putShort((short) name.length).putShort((short) 0).put(name);
        return b.array();
    }

    /** The central directory followed by the end record. */
    byte[] centralDirectoryAndEnd() {
        return centralAndEnd.clone();
    }

    private byte[] centralDirectory() {
        int length = END_RECORD;
        for (Entry e : entries) {
            length += CENTRAL_HEADER + nameBytes(e).length;
        }
        ByteBuffer b = buffer(length);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = nameBytes(e);
            b.putInt(CENTRAL_SIGNATURE).putShort(VERSION_MADE_BY).putShort(VERSION_NEEDED);
            b.putShort((short) 0).putShort((short) 0).putShort(DOS_TIME).putShort(DOS_DATE);
            b.putInt(e.crc32()).putInt(u32(e.size())).putInt(u32(e.size()));
            b.putShort((short) name.length).putShort((short) 0).putShort((short) 0);
            b.putShort((short) 0)
                    .putShort((short) 0)
                    .putInt(EXTERNAL_ATTRIBUTES)
                    .putInt(u32(headerOffsets[i]));
            b.put(name);
        }
        int centralSize = length - END_RECORD;
        b.putInt(END_SIGNATURE).putShort((short) 0).putShort((short) 0);
        b.putShort((short) entries.size()).putShort((short) entries.size());
        b.putInt(centralSize).putInt(u32(centralOffset)).putShort((short) 0);
        return b.array();
    }

    private static byte[] nameBytes(Entry e) {
        return e.name().getBytes(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer buffer(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Sizes and offsets are bounded by {@link BundleLimits} far below 4 GiB, so 32 bits always hold them. */
    private static int u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("does not fit a ZIP field without ZIP64: " + value);
        }
        return (int) value;
    }
}
