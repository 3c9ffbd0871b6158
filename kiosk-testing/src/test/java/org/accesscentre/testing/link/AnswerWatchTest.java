package org.accesscentre.testing.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerWatchTest {
    private static final int DATA = 0x0, HEADERS = 0x1, SETTINGS = 0x4, PING = 0x6, WINDOW_UPDATE = 0x8;

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        byte[] f = new byte[9 + payload.length];
        f[0] = (byte) (payload.length >>> 16);
        f[1] = (byte) (payload.length >>> 8);
        f[2] = (byte) payload.length;
        f[3] = (byte) type;
        f[4] = (byte) flags;
        f[5] = (byte) (stream >>> 24 & 0x7f);
        f[6] = (byte) (stream >>> 16);
        f[7] = (byte) (stream >>> 8);
        f[8] = (byte) stream;
        System.arraycopy(payload, 0, f, 9, payload.length);
        return f;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static AnswerWatch h2Client() {
        AnswerWatch w = new AnswerWatch();
        byte[] opening = concat(AnswerWatch.H2_PREFACE, frame(SETTINGS, 0, 0, new byte[6]));
        w.up(opening, 0, opening.length);
        return w;
    }

    /** The server's side of an HTTP/2 exchange: opening frames, then the answer on stream 1 at {@link #ANSWER}. */
    private static final byte[] SERVER_OPENING = concat(
            frame(SETTINGS, 0, 0, new byte[18]),
            frame(WINDOW_UPDATE, 0, 0, new byte[4]),
            frame(SETTINGS, 0x1, 0, new byte[0]),
            frame(PING, 0, 0, new byte[8]),
            // a frame whose payload looks like a HEADERS frame header on stream 1: it must be skipped whole
            frame(DATA, 0, 0, frame(HEADERS, 0x4, 1, new byte[0])),
            frame(WINDOW_UPDATE, 0, 1, new byte[4]));

    private static final int ANSWER = SERVER_OPENING.length;
    private static final byte[] SERVER = concat(
            SERVER_OPENING,
            frame(HEADERS, 0x4, 1, "headers".getBytes(StandardCharsets.US_ASCII)),
            frame(DATA, 0x1, 1, "body".getBytes(StandardCharsets.US_ASCII)));

    @Test
    void http1AnswersWithTheServersFirstByteAfterTheClientsFirst() {
        AnswerWatch w = new AnswerWatch();
        byte[] banner = "hello".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, w.answerAt(banner, 0, banner.length), "nothing asked yet");
        byte[] request = "POST /ingest HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);
        w.up(request, 0, request.length);
        byte[] response = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, w.answerAt(response, 3, 5));
    }

    @Test
    void http2AnswersWithTheFirstResponseHeadersNotTheOpeningFrames() {
        AnswerWatch w = h2Client();
        assertEquals(ANSWER, w.answerAt(SERVER, 0, SERVER.length));
    }

    @Test
    void http2FramesSplitAcrossReadsAnywhereAreFollowed() {
        for (int chunk = 1; chunk <= 16; chunk++) {
            AnswerWatch w = h2Client();
            int found = -1;
            for (int at = 0; at < SERVER.length && found < 0; at += chunk) {
                int n = Math.min(chunk, SERVER.length - at);
                found = w.answerAt(SERVER, at, n);
            }
            // The cut falls at the read in which the HEADERS frame header completes, no earlier.
            int headerEnd = ANSWER + 9;
            int readStart = (headerEnd - 1) / chunk * chunk;
            assertEquals(Math.max(ANSWER, readStart), found, "reads of " + chunk + " bytes");
        }
    }

    @Test
    void thePrefaceArrivingInPiecesIsStillRecognised() {
        AnswerWatch w = new AnswerWatch();
        byte[] preface = AnswerWatch.H2_PREFACE;
        for (int i = 0; i < preface.length; i++) {
            w.up(preface, i, 1);
        }
        assertEquals(ANSWER, w.answerAt(SERVER, 0, SERVER.length));
    }
}
