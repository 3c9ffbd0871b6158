package org.accesscentre.portal.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code Range} header asks of a body of {@code total} bytes (RFC 9110, section 14), for a kiosk resuming
 * a release download on a link that drops. One range only: a kiosk asks for the rest of the file, {@code
 * bytes=N-}. Anything the RFC lets a server ignore (another unit, several ranges, a malformed or backwards
 * range) is answered with the whole body, which every client must accept.
 *
 * @param first the first byte sent, from 0
 * @param last the last byte sent, inclusive
 */
record ByteRange(Outcome outcome, long first, long last) {
    enum Outcome {
        /** 200 with the whole body. */
        WHOLE,
        /** 206 with bytes {@code first} to {@code last}. */
        PART,
        /** 416: the range starts past the end. */
        UNSATISFIABLE
    }

    /** first-last, first-, or -suffix; 18 digits at most, so no number overflows. */
    private static final Pattern SPEC = Pattern.compile("(?:([0-9]{1,18})-([0-9]{0,18})|-([0-9]{1,18}))");

    static ByteRange whole(long total) {
        return new ByteRange(Outcome.WHOLE, 0, total - 1);
    }

    static ByteRange of(@Nullable String header, long total) {
        if (header == null) {
            return whole(total);
        }
        String h = header.strip();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return whole(total); // a unit we do not serve: ignored, as the RFC says
        }
        Matcher m = SPEC.matcher(h.substring(eq + 1).strip());
        if (!m.matches()) {
            return whole(total); // several ranges, or not a range at all: the whole body is a valid answer
        }
        if (m.group(3) != null) {
            long suffix = Long.parseLong(m.group(3));
            return suffix == 0
                    ? new ByteRange(Outcome.UNSATISFIABLE, 0, -1)
                    : new ByteRange(Outcome.PART, Math.max(0, total - suffix), total - 1);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return whole(total); // an invalid range-spec: ignored
        }
        if (first >= total) {
            return new ByteRange(Outcome.UNSATISFIABLE, 0, -1);
        }
        return new ByteRange(Outcome.PART, first, Math.min(last, total - 1));
    }

    long length() {
        return last - first + 1;
    }
}
