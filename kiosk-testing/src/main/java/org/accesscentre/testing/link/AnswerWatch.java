package org.accesscentre.testing.link;

import java.nio.charset.StandardCharsets;

/**
 * Finds, on one connection, where the server's first answer to a request begins: the moment {@link
 * LinkEmulator.Fault#CLOSE_AFTER_REQUEST} cuts the link.
 *
 * <p>For HTTP/1.1 that is the first byte the server sends after the client has sent anything: an HTTP/1.1
 * server speaks only when answering. HTTP/2 is different: both ends open with SETTINGS (and the server may
 * follow with WINDOW_UPDATE, PING and SETTINGS acknowledgements) before any request has been handled, so
 * the first server byte says nothing about the work. When the client opens with the HTTP/2 connection
 * preface (RFC 9113 §3.4, as with prior knowledge over cleartext), the watch instead reads the server's
 * frame headers (length 3 bytes, type 1, flags 1, stream 4) and marks the first HEADERS frame on a stream
 * other than 0: the response headers of the first request, sent once the server has done its work.
 *
 * <p>The upward side calls {@link #up} before forwarding, so the protocol is known before the server can
 * have seen a byte; the downward side calls {@link #answerAt}. One thread each way.
 */
final class AnswerWatch {
    static final byte[] H2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FRAME_HEADER = 9;
    private static final int HEADERS = 0x1;

    private enum Protocol {
        UNKNOWN,
        HTTP1,
        HTTP2
    }

    // Written by the upward thread, read by the downward one.
    private volatile Protocol protocol = Protocol.UNKNOWN;
    private volatile boolean requestSeen;
    private int prefaceMatched;

    // Downward thread only: the frame header being read, and the payload still to skip.
    private final byte[] header = new byte[FRAME_HEADER];
    private int headerRead;
    private long payloadLeft;

    /** Notes bytes the client sends, before they are forwarded to the server. */
    void up(byte[] buf, int off, int len) {
        if (len <= 0) {
            return;
        }
        for (int i = off; i < off + len && protocol == Protocol.UNKNOWN; i++) {
            if (buf[i] != H2_PREFACE[prefaceMatched]) {
                protocol = Protocol.HTTP1;
            } else if (++prefaceMatched == H2_PREFACE.length) {
                protocol = Protocol.HTTP2;
            }
        }
        requestSeen = true;
    }

    /**
     * Reads bytes the server sends and returns the offset within them where the answer to a request
     * starts, or -1 if it does not start within them.
     */
    int answerAt(byte[] buf, int off, int len) {
        if (!requestSeen) {
            return -1; // nothing asked yet: whatever the server says is not an answer
        }
        if (protocol != Protocol.HTTP2) {
            // HTTP/1.1 (or a preface not yet complete, which no HTTP/2 server answers): the first byte.
            return len > 0 ? off : -1;
        }
        int at = off;
        int end = off + len;
        while (at < end) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, end - at);
                payloadLeft -= skip;
                at += skip;
                continue;
            }
            int take = Math.min(FRAME_HEADER - headerRead, end - at);
            System.arraycopy(buf, at, header, headerRead, take);
            headerRead += take;
            at += take;
            if (headerRead < FRAME_HEADER) {
                break;
            }
            headerRead = 0;
            int length = (header[0] & 0xff) << 16 | (header[1] & 0xff) << 8 | header[2] & 0xff;
            int type = header[3] & 0xff;
            int stream =
                    (header[5] & 0x7f) << 24 | (header[6] & 0xff) << 16 | (header[7] & 0xff) << 8 | header[8] & 0xff;
            if (type == HEADERS && stream != 0) {
                // The header may have begun in an earlier read; then the cut is at the start of this one.
                return Math.max(off, at - FRAME_HEADER);
            }
            payloadLeft = length;
        }
        return -1;
    }
}
