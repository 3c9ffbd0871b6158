package org.accesscentre.sync.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches a bundle into a partial file, resuming with an HTTP Range request from the partial file's length
 * after a break: 30 MB over 0.5 Mbit/s takes minutes and often breaks halfway (RFC 9110, section 14). The
 * file is complete only when its size and SHA-256 are those the offer named.
 *
 * <p>The client and the headers (the device's authorization) come from the caller, so this class shares the
 * daemon's one OkHttpClient. {@code Accept-Encoding: identity} is always sent: with gzip the byte ranges
 * would count compressed bytes, and bundles are stored archives of jars that do not compress anyway.
 */
public final class ResumableDownload {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");
    private static final int CHUNK = 64 * 1024;

    private final OkHttpClient client;
    private final long maxBytes;

    /** @param maxBytes the largest bundle accepted, whatever an offer says */
    public ResumableDownload(OkHttpClient client, long maxBytes) {
        this.client = client;
        this.maxBytes = maxBytes;
    }

    /** How a fetch went, for the log and for tests. */
    public record Result(long resumedFrom, boolean restarted) {}

    /**
     * Completes {@code partial} to the offer's size and hash.
     *
     * @param progress told the file's length after each chunk written
     * @throws IOException if the link broke: what arrived stays in {@code partial}, and the next call resumes
     * @throws ReleaseException if the server or the bytes are wrong; the partial file is deleted, since
     *     resuming from it could only repeat the mistake
     */
    public Result fetch(ReleaseOffer offer, Path partial, LongConsumer progress) throws IOException, ReleaseException {
        long have = resumeFrom(offer, partial);
        if (have == offer.size()) {
            checkHash(offer, partial);
            return new Result(have, false);
        }
        boolean restarted = get(offer, partial, have, offer.size() - 1, progress);
        checkHash(offer, partial);
        return new Result(have, restarted);
    }

    /**
     * Fetches at most {@code maxBytes} more of the bundle with one ranged request, so a daemon can download a
     * large release a piece at a time between its other jobs. Returns true once the file is complete and its
     * hash checked.
     *
     * @throws IOException if the link broke; what arrived stays in {@code partial}
     * @throws ReleaseException as {@link #fetch}
     */
    public boolean fetchSome(ReleaseOffer offer, Path partial, long maxBytes) throws IOException, ReleaseException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("fetch at least one byte, not " + maxBytes);
        }
        long have = resumeFrom(offer, partial);
        if (have < offer.size()) {
            get(offer, partial, have, Math.min(offer.size(), have + maxBytes) - 1, n -> {});
        }
        if (Files.size(partial) < offer.size()) {
            return false;
        }
        checkHash(offer, partial);
        return true;
    }

    /** How much of the offer's bundle {@code partial} already holds. */
    private long resumeFrom(ReleaseOffer offer, Path partial) throws IOException, ReleaseException {
        if (offer.size() > maxBytes) {
            throw ReleaseException.refused(
                    "the offer names a bundle of " + offer.size() + " bytes; the limit is " + maxBytes);
        }
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        if (have > offer.size()) {
            Files.delete(partial); // a partial file of another, larger bundle: start over
            have = 0;
        }
        return have;
    }

    /** Asks for bytes {@code have..end} and writes them; true if the server sent the whole file instead. */
    private boolean get(ReleaseOffer offer, Path partial, long have, long end, LongConsumer progress)
            throws IOException, ReleaseException {
        Request.Builder request =
                new Request.Builder().url(offer.url()).headers(offer.headers()).header("Accept-Encoding", "identity");
        if (have > 0 || end < offer.size() - 1) {
            request.header("Range", "bytes=" + have + "-" + (end == offer.size() - 1 ? "" : end));
        }
        try (Response response = client.newCall(request.build()).execute()) {
            long start = start(response, offer, have, end, partial);
            write(
                    response.body(),
                    partial,
                    start,
                    start == 0 && response.code() == 200 ? offer.size() - 1 : end,
                    offer,
                    progress);
            return have > 0 && start == 0;
        }
    }

    /** Where the body's bytes go in the file, from the answer's status and headers; a decision table. */
    private static long start(Response response, ReleaseOffer offer, long have, long end, Path partial)
            throws IOException, ReleaseException {
        int code = response.code();
        if (code == 206) {
            String range = response.header("Content-Range", "");
            Matcher m = CONTENT_RANGE.matcher(range);
            if (!m.matches()
                    || Long.parseLong(m.group(1)) != have
                    || Long.parseLong(m.group(2)) != end
                    || Long.parseLong(m.group(3)) != offer.size()) {
                throw refuse(
                        partial,
                        "asked for bytes " + have + "-" + end + " of " + offer.size() + " but the server sent "
                                + "Content-Range '" + range + "'");
            }
            return have;
        }
        if (code == 200) {
            // The server ignored the Range header (allowed by RFC 9110): the body is the whole file.
            long length = response.body().contentLength();
            if (length >= 0 && length != offer.size()) {
                throw refuse(partial, "the server sends " + length + " bytes but the offer says " + offer.size());
            }
            return 0;
        }
        if (code == 416) {
            // Our partial file does not fit the server's file: it changed, or is not the one offered.
            throw refuse(
                    partial,
                    "the server cannot send bytes " + have + "- (416); the partial download was" + " discarded");
        }
        if (code == 401) {
            throw new Unauthorized("the server answered 401 for " + offer.url().encodedPath());
        }
        if (code == 408 || code == 429 || code >= 500) {
            throw new IOException(
                    "the server answered " + code + " for " + offer.url().encodedPath());
        }
        throw refuse(
                partial, "the server answered " + code + " for " + offer.url().encodedPath());
    }

    private static void write(
            ResponseBody body, Path partial, long start, long end, ReleaseOffer offer, LongConsumer progress)
            throws IOException, ReleaseException {
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                InputStream in = body.byteStream()) {
            out.truncate(start);
            out.position(start);
            long length = start;
            byte[] buffer = new byte[CHUNK];
            try {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (length + n > end + 1) {
                        throw refuse(
                                partial,
                                "the server sent more than the " + (end + 1 - start) + " bytes asked for (the offer"
                                        + " has " + offer.size() + ")");
                    }
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    length += n;
                    progress.accept(length);
                }
            } finally {
                out.force(false); // what arrived survives a power cut, to resume from
            }
            if (length != end + 1) {
                throw new IOException("the download ended at " + length + " of " + offer.size() + " bytes");
            }
        }
    }

    private static void checkHash(ReleaseOffer offer, Path partial) throws IOException, ReleaseException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(partial)) {
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha256.update(buffer, 0, n);
            }
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (!actual.equals(offer.sha256())) {
            throw refuse(
                    partial, "the downloaded bundle's SHA-256 is " + actual + ", not the offer's " + offer.sha256());
        }
    }

    private static ReleaseException refuse(Path partial, String detail) throws IOException {
        Files.deleteIfExists(partial);
        return ReleaseException.refused(detail);
    }

    /** The server wants a new token: the caller signs in again and resumes; the partial file stays. */
    public static final class Unauthorized extends IOException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }
}
