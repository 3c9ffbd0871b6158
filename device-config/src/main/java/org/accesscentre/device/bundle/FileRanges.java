package org.accesscentre.device.bundle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads from an archive: a range of bytes at a time, never more than a buffer in memory. */
final class FileRanges {
    private static final int BUFFER = 64 * 1024;

    /** Receives a range chunk by chunk. */
    interface Sink {
        void accept(byte[] bytes, int length) throws IOException;
    }

    private FileRanges() {}

    /** Exactly {@code length} bytes at {@code offset}. */
    static byte[] read(FileChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long position = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("the file ends at byte " + position + ", before " + (offset + length));
            }
            position += n;
        }
        return buffer.array();
    }

    /** Feeds the range to {@code sink} in chunks. */
    static void stream(FileChannel channel, long offset, long length, Sink sink) throws IOException {
        byte[] chunk = new byte[(int) Math.min(BUFFER, Math.max(length, 1))];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        long position = offset;
        long end = offset + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(chunk.length, end - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new EOFException("the file ends at byte " + position + ", before " + end);
            }
            sink.accept(chunk, n);
            position += n;
        }
    }

    /** The digest of a range. */
    static ContentDigest digest(FileChannel channel, long offset, long length) throws IOException {
        Digester digester = new Digester();
        stream(channel, offset, length, (bytes, n) -> digester.update(bytes, 0, n));
        return digester.finish();
    }

    /** Copies a range to {@code out}, returning the digest of what was copied. */
    static ContentDigest copy(FileChannel channel, long offset, long length, OutputStream out) throws IOException {
        Digester digester = new Digester();
        stream(channel, offset, length, (bytes, n) -> {
            digester.update(bytes, 0, n);
            out.write(bytes, 0, n);
        });
        return digester.finish();
    }

    /** Copies a whole stream to {@code out}, returning the digest of what was copied. */
    static ContentDigest copy(InputStream in, OutputStream out) throws IOException {
        Digester digester = new Digester();
        byte[] chunk = new byte[BUFFER];
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            digester.update(chunk, 0, n);
            out.write(chunk, 0, n);
        }
        return digester.finish();
    }
}
