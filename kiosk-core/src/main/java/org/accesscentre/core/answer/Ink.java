package org.accesscentre.core.answer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.accesscentre.core.catalogue.AnswerLimits;

/**
 * A signature's strokes as one short string, the form they take inside a sealed payload. A signature is
 * most of a typical form's answers, and as JSON arrays of x, y pairs it costs 4 to 8 bytes a point; here a
 * point costs about two. Each stroke is its point count, then every point as the difference from the point
 * before it (across strokes, starting from 0, 0), each difference a zigzag varint as in Protocol Buffers.
 * The bytes are base64url without padding. Compact without a general-purpose compressor, which costs more
 * CPU than the whole rest of the submit path (see {@code docs/benchmarks.md}, enqueue).
 */
public final class Ink {
    /** The largest coordinate accepted when decoding: far off any canvas, and no difference can overflow. */
    static final int MAX_COORDINATE = 1 << 24;
    /** A varint of an int takes at most 5 bytes. */
    private static final int MAX_VARINT_BYTES = 5;
    /** The longest encoding the limits allow: every point's two differences at their largest. */
    public static final int MAX_LENGTH = base64Length(
            AnswerLimits.MAX_STROKES * MAX_VARINT_BYTES + AnswerLimits.MAX_SIGNATURE_POINTS * 2 * MAX_VARINT_BYTES);

    private Ink() {}

    public static String encode(List<Stroke> strokes) {
        byte[] out = new byte[strokes.size() * MAX_VARINT_BYTES + pointCount(strokes) * 2 * MAX_VARINT_BYTES];
        int at = 0;
        long x = 0;
        long y = 0;
        for (Stroke stroke : strokes) {
            int points = stroke.size();
            at = writeVarint(out, at, points);
            for (int i = 0; i < points; i++) {
                int px = stroke.x(i);
                int py = stroke.y(i);
                at = writeVarint(out, at, zigzag(px - x));
                at = writeVarint(out, at, zigzag(py - y));
                x = px;
                y = py;
            }
        }
        return new String(Base64.getUrlEncoder().withoutPadding().encode(Arrays.copyOf(out, at)), ISO_8859_1);
    }

    /**
     * The strokes in {@code text}, or {@link InkException} saying what is wrong with it: not base64url, cut
     * short, more strokes or points than {@link AnswerLimits} allow, or a coordinate off any canvas. Never
     * allocates more than the limits allow, whatever the text claims.
     */
    public static List<Stroke> decode(String text) throws InkException {
        if (text.length() > MAX_LENGTH) {
            throw new InkException("longer than any signature within the limits (" + MAX_LENGTH + " characters)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InkException("not base64url");
        }
        Reader in = new Reader(bytes);
        List<Stroke> strokes = new ArrayList<>();
        int total = 0;
        long x = 0;
        long y = 0;
        while (in.more()) {
            if (strokes.size() == AnswerLimits.MAX_STROKES) {
                throw new InkException("more than " + AnswerLimits.MAX_STROKES + " strokes");
            }
            long points = in.varint();
            if (points > AnswerLimits.MAX_SIGNATURE_POINTS - total) {
                throw new InkException("more than " + AnswerLimits.MAX_SIGNATURE_POINTS + " points");
            }
            total += (int) points;
            int[] xy = new int[(int) points * 2];
            for (int i = 0; i < xy.length; i += 2) {
                x += unzigzag(in.varint());
                y += unzigzag(in.varint());
                if (Math.abs(x) > MAX_COORDINATE || Math.abs(y) > MAX_COORDINATE) {
                    throw new InkException("stroke " + (strokes.size() + 1) + " leaves any canvas");
                }
                xy[i] = (int) x;
                xy[i + 1] = (int) y;
            }
            strokes.add(new Stroke(xy));
        }
        return List.copyOf(strokes);
    }

    private static int pointCount(List<Stroke> strokes) {
        int n = 0;
        for (Stroke s : strokes) {
            n += s.size();
        }
        return n;
    }

    private static int base64Length(int bytes) {
        return (bytes * 4 + 2) / 3;
    }

    /** Differences of two ints fit in 33 bits, so their zigzag in 34 and their varint in 5 bytes. */
    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static int writeVarint(byte[] out, int at, long value) {
        long v = value;
        int i = at;
        while ((v & ~0x7FL) != 0) {
            out[i++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[i++] = (byte) v;
        return i;
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean more() {
            return at < bytes.length;
        }

        /** An unsigned varint of at most {@link #MAX_VARINT_BYTES} bytes, so at most 35 bits. */
        long varint() throws InkException {
            long value = 0;
            for (int i = 0; i < MAX_VARINT_BYTES; i++) {
                if (at == bytes.length) {
                    throw new InkException("cut short");
                }
                int b = bytes[at++] & 0xFF;
                value |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new InkException("a number longer than " + MAX_VARINT_BYTES + " bytes");
        }
    }

    /** Ink that cannot be a signature; the message says why. */
    public static final class InkException extends Exception {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        InkException(String message) {
            super(message);
        }
    }
}
