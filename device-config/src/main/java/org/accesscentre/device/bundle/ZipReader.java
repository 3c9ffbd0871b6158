package org.accesscentre.device.bundle;

import static org.accesscentre.device.bundle.BundleException.Reason.UNREADABLE;
import static org.accesscentre.device.bundle.ZipLayout.CENTRAL_HEADER;
import static org.accesscentre.device.bundle.ZipLayout.CENTRAL_SIGNATURE;
import static org.accesscentre.device.bundle.ZipLayout.END_RECORD;
import static org.accesscentre.device.bundle.ZipLayout.END_SIGNATURE;
import static org.accesscentre.device.bundle.ZipLayout.LOCAL_HEADER;
import static org.accesscentre.device.bundle.ZipLayout.LOCAL_SIGNATURE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.accesscentre.core.json.Node;

/**
 * Reads the entry table of an archive: the end record, the central directory and each local header. It
 * accepts any plain ZIP of stored entries, so that a bundle that was repacked or altered gets a precise
 * refusal later; the canonical comparison then refuses anything but our own layout. Every count, size and
 * offset is checked against the file before it is used.
 */
final class ZipReader {
    private ZipReader() {}

    static List<ZipEntryInfo> read(FileChannel channel) throws IOException, BundleException {
        long fileSize = channel.size();
        if (fileSize < END_RECORD) {
            throw unreadable("it is too short to be a ZIP archive (" + fileSize + " bytes)");
        }
        if (fileSize > BundleLimits.MAX_ARCHIVE_BYTES) {
            throw unreadable("it is " + fileSize + " bytes; a bundle is at most " + BundleLimits.MAX_ARCHIVE_BYTES);
        }
        int tailLength = (int) Math.min(fileSize, END_RECORD + 0xFFFF);
        ByteBuffer tail = le(FileRanges.read(channel, fileSize - tailLength, tailLength));
        int end = -1;
        for (int i = tailLength - END_RECORD; i >= 0 && end < 0; i--) {
            // The end record's comment must reach exactly to the end of the file.
            if (tail.getInt(i) == END_SIGNATURE && i + END_RECORD + u16(tail, i + 20) == tailLength) {
                end = i;
            }
        }
        if (end < 0) {
            throw unreadable("it does not end with a ZIP end record (it may be cut short or have bytes added)");
        }
        long endOffset = fileSize - tailLength + end;
        int count = u16(tail, end + 10);
        long centralSize = u32(tail, end + 12);
        long centralOffset = u32(tail, end + 16);
        if (u16(tail, end + 4) != 0 || u16(tail, end + 6) != 0 || u16(tail, end + 8) != count) {
            throw unreadable("it claims to span several disks");
        }
        if (count == 0xFFFF || centralSize == 0xFFFF_FFFFL || centralOffset == 0xFFFF_FFFFL) {
            throw unreadable("it is a ZIP64 archive, which bundles never are");
        }
        if (count > BundleLimits.MAX_ENTRIES) {
            throw unreadable("it has " + count + " entries; the limit is " + BundleLimits.MAX_ENTRIES);
        }
        if (centralSize > BundleLimits.MAX_CENTRAL_DIRECTORY_BYTES || centralOffset + centralSize > endOffset) {
            throw unreadable("its central directory is damaged (the file may be truncated)");
        }
        ByteBuffer central = le(FileRanges.read(channel, centralOffset, (int) centralSize));
        List<ZipEntryInfo> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        int pos = 0;
        for (int i = 0; i < count; i++) {
            if (pos + CENTRAL_HEADER > centralSize || central.getInt(pos) != CENTRAL_SIGNATURE) {
                throw unreadable("its central directory is damaged at entry " + i);
            }
            int flags = u16(central, pos + 8);
            int method = u16(central, pos + 10);
            int crc = central.getInt(pos + 16);
            long compressed = u32(central, pos + 20);
            long size = u32(central, pos + 24);
            int nameLength = u16(central, pos + 28);
            int skip = u16(central, pos + 30) + u16(central, pos + 32);
            long headerOffset = u32(central, pos + 42);
            if (pos + CENTRAL_HEADER + nameLength + skip > centralSize) {
                throw unreadable("its central directory is damaged at entry " + i);
            }
            String name = name(central, pos + CENTRAL_HEADER, nameLength);
            pos += CENTRAL_HEADER + nameLength + skip;
            Optional<String> problem = BundlePaths.entryProblem(name);
            if (problem.isPresent()) {
                throw unreadable("entry '" + Node.clip(name) + "' is not allowed: " + problem.get());
            }
            if (!names.add(name)) {
                throw unreadable("entry '" + name + "' appears twice");
            }
            if ((flags & 1) != 0) {
                throw unreadable("entry '" + name + "' is encrypted");
            }
            if (method != 0 || compressed != size) {
                throw unreadable("entry '" + name + "' is compressed; bundle entries are stored as they are");
            }
            entries.add(local(channel, name, crc, size, headerOffset, centralOffset));
        }
        return entries;
    }

    /** Finds where an entry's data starts, from its local header, and checks it ends before the directory. */
    private static ZipEntryInfo local(
            FileChannel channel, String name, int crc, long size, long headerOffset, long centralOffset)
            throws IOException, BundleException {
        if (headerOffset + LOCAL_HEADER > centralOffset) {
            throw unreadable("entry '" + name + "' starts outside the archive's data");
        }
        ByteBuffer header = le(FileRanges.read(channel, headerOffset, LOCAL_HEADER));
        int nameLength = u16(header, 26);
        int extraLength = u16(header, 28);
        long dataOffset = headerOffset + LOCAL_HEADER + nameLength + extraLength;
        if (header.getInt(0) != LOCAL_SIGNATURE || dataOffset > centralOffset) {
            throw unreadable("the local header of entry '" + name + "' is damaged");
        }
        ByteBuffer localName = le(FileRanges.read(channel, headerOffset + LOCAL_HEADER, nameLength));
        if (!name(localName, 0, nameLength).equals(name)) {
            throw unreadable("entry '" + name + "' has another name in its local header");
        }
        if (dataOffset + size > centralOffset) {
            throw unreadable("entry '" + name + "' runs past the end of the data (the file may be truncated)");
        }
        return new ZipEntryInfo(name, crc, size, headerOffset, dataOffset);
    }

    private static String name(ByteBuffer buffer, int offset, int length) throws BundleException {
        ByteBuffer slice = buffer.slice(offset, length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw unreadable("an entry name is not valid text");
        }
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int u16(ByteBuffer b, int offset) {
        return Short.toUnsignedInt(b.getShort(offset));
    }

    private static long u32(ByteBuffer b, int offset) {
        return Integer.toUnsignedLong(b.getInt(offset));
    }

    private static BundleException unreadable(String detail) {
        return BundleException.refused(UNREADABLE, "not a readable bundle: " + detail);
    }
}
