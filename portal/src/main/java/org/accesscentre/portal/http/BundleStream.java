package org.accesscentre.portal.http;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.accesscentre.portal.bundles.Bundles;

/**
 * Part of a stored bundle as a stream, read from the database a piece at a time: a 200 MB release sent to a
 * client that asked for all of it holds one piece in memory, not the whole file, however many download at
 * once.
 */
public final class BundleStream extends InputStream {
    /** Read from the database at a time; the daemon's own ranges (512 KiB) each take one. */
    public static final int PIECE = 1 << 20;

    private final Bundles bundles;
    private final long bundleId;
    private long next;
    private long remaining;
    private byte[] piece = new byte[0];
    private int at;

    BundleStream(Bundles bundles, long bundleId, long first, long length) {
        this.bundles = bundles;
        this.bundleId = bundleId;
        this.next = first;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (at == piece.length && !fetch()) {
            return -1;
        }
        int n = Math.min(len, piece.length - at);
        System.arraycopy(piece, at, b, off, n);
        at += n;
        return n;
    }

    private boolean fetch() throws IOException {
        if (remaining == 0) {
            return false;
        }
        int length = (int) Math.min(PIECE, remaining);
        try {
            piece = bundles.slice(bundleId, next, length)
                    .orElseThrow(() -> new IOException("bundle " + bundleId + " is gone"));
        } catch (SQLException e) {
            throw new IOException("reading bundle " + bundleId + " at " + next, e);
        }
        if (piece.length != length) {
            throw new IOException(
                    "bundle " + bundleId + " gave " + piece.length + " bytes at " + next + ", not " + length);
        }
        at = 0;
        next += length;
        remaining -= length;
        return true;
    }
}
