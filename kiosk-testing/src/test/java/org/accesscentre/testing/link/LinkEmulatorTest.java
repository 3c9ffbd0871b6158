package org.accesscentre.testing.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinkEmulatorTest {
    private ServerSocket echo;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch received = new CountDownLatch(1);

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(() -> {
            while (!echo.isClosed()) {
                Socket s = echo.accept();
                pool.submit(() -> {
                    try (s) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        byte[] buf = new byte[8192];
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            requests.incrementAndGet();
                            received.countDown();
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    }
                    return null;
                });
            }
            return null;
        });
    }

    @AfterEach
    void stop() throws IOException {
        echo.close();
        pool.shutdownNow();
    }

    private static byte[] roundTrip(int port, byte[] data) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(data);
            s.shutdownOutput();
            return s.getInputStream().readAllBytes();
        }
    }

    @Test
    void bytesCrossUnchangedAndAreCountedBothWays() throws Exception {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        try (LinkEmulator link = LinkEmulator.start("127.0.0.1", echo.getLocalPort(), LinkProfile.LOOPBACK)) {
            assertArrayEquals(data, roundTrip(link.port(), data));
            assertEquals(100_000, link.bytesUp());
            assertEquals(100_000, link.bytesDown());
            assertEquals(1, link.connections());
        }
    }

    @Test
    void aSlicedLinkStillDeliversEverything() throws Exception {
        byte[] data = new byte[5_000];
        new Random(2).nextBytes(data);
        try (LinkEmulator link = LinkEmulator.start("127.0.0.1", echo.getLocalPort(), LinkProfile.LOOPBACK)) {
            link.fault(LinkEmulator.Fault.SLICE);
            assertArrayEquals(data, roundTrip(link.port(), data));
        }
    }

    @Test
    void theLinkIsNeverFasterThanItsBandwidthAndDelay() throws Exception {
        LinkProfile slow = new LinkProfile("test", 800_000, Duration.ofMillis(100));
        byte[] data = new byte[20_000]; // 200 ms each way at 800 kbit/s
        try (LinkEmulator link = LinkEmulator.start("127.0.0.1", echo.getLocalPort(), slow)) {
            long start = System.nanoTime();
            roundTrip(link.port(), data);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // The echo starts back before the request has finished arriving, so the two directions overlap:
            // at the very least one direction's 200 ms of transmission and a delay each way.
            assertTrue(millis >= 400, "took only " + millis + " ms");
        }
    }

    @Test
    void closingAfterTheRequestLetsTheServerDoTheWorkButTheClientNeverHears() throws Exception {
        try (LinkEmulator link = LinkEmulator.start("127.0.0.1", echo.getLocalPort(), LinkProfile.LOOPBACK)) {
            link.fault(LinkEmulator.Fault.CLOSE_AFTER_REQUEST, 1);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write("request".getBytes());
                s.getOutputStream().flush();
                assertTrue(received.await(20, TimeUnit.SECONDS), "the server got the request");
                int read;
                try {
                    read = s.getInputStream().read();
                } catch (IOException reset) {
                    read = -1;
                }
                assertEquals(-1, read, "the client hears nothing");
            }
            byte[] ok = roundTrip(link.port(), "again".getBytes());
            assertEquals("again", new String(ok), "the fault applied to one connection only");
        }
    }

    /**
     * An HTTP/2 server in miniature: it opens with SETTINGS and a WINDOW_UPDATE before any request, as h2
     * servers do, then answers a HEADERS frame on stream 1 with a WINDOW_UPDATE, HEADERS and DATA.
     */
    private static final byte[] H2_SERVER_OPENING = AnswerWatchTest.concat(
            AnswerWatchTest.frame(0x4, 0, 0, new byte[12]),
            AnswerWatchTest.frame(0x4, 0x1, 0, new byte[0]),
            AnswerWatchTest.frame(0x8, 0, 0, new byte[4]));

    private static final byte[] H2_ANSWER = AnswerWatchTest.concat(
            AnswerWatchTest.frame(0x8, 0, 1, new byte[4]),
            AnswerWatchTest.frame(0x1, 0x4, 1, "status 200".getBytes()),
            AnswerWatchTest.frame(0x0, 0x1, 1, "stored".getBytes()));

    private static final byte[] H2_CLIENT_OPENING =
            AnswerWatchTest.concat(AnswerWatch.H2_PREFACE, AnswerWatchTest.frame(0x4, 0, 0, new byte[0]));

    private static final byte[] H2_REQUEST = AnswerWatchTest.frame(0x1, 0x5, 1, "POST /ingest".getBytes());

    private ServerSocket startH2(CountDownLatch stored) throws IOException {
        ServerSocket h2 = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(() -> {
            while (!h2.isClosed()) {
                Socket s = h2.accept();
                pool.submit(() -> {
                    try (s) {
                        InputStream in = s.getInputStream();
                        OutputStream out = s.getOutputStream();
                        assertArrayEquals(H2_CLIENT_OPENING, in.readNBytes(H2_CLIENT_OPENING.length));
                        out.write(H2_SERVER_OPENING);
                        out.flush();
                        assertArrayEquals(H2_REQUEST, in.readNBytes(H2_REQUEST.length));
                        stored.countDown(); // the work is done before the answer goes back
                        out.write(H2_ANSWER);
                        out.flush();
                        in.readAllBytes();
                    }
                    return null;
                });
            }
            return null;
        });
        return h2;
    }

    @Test
    void overHttp2ClosingAfterTheRequestWaitsForTheResponseHeadersNotTheServersOpeningSettings() throws Exception {
        CountDownLatch stored = new CountDownLatch(1);
        try (ServerSocket h2 = startH2(stored);
                LinkEmulator link = LinkEmulator.start("127.0.0.1", h2.getLocalPort(), LinkProfile.LOOPBACK)) {
            link.fault(LinkEmulator.Fault.CLOSE_AFTER_REQUEST, 1);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write(H2_CLIENT_OPENING);
                s.getOutputStream().flush();
                assertArrayEquals(
                        H2_SERVER_OPENING,
                        s.getInputStream().readNBytes(H2_SERVER_OPENING.length),
                        "the server's opening frames are not an answer and cross the link");
                s.getOutputStream().write(H2_REQUEST);
                s.getOutputStream().flush();
                assertTrue(stored.await(20, TimeUnit.SECONDS), "the server got the request and did the work");
                assertTrue(readsNoAnswer(s), "the client never hears the answer");
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), link.port())) {
                s.setSoTimeout(20_000);
                s.getOutputStream().write(H2_CLIENT_OPENING);
                s.getOutputStream().write(H2_REQUEST);
                s.getOutputStream().flush();
                byte[] all = AnswerWatchTest.concat(H2_SERVER_OPENING, H2_ANSWER);
                assertArrayEquals(
                        all, s.getInputStream().readNBytes(all.length), "the fault applied to one connection only");
            }
        }
    }

    /**
     * Reads what is left on a connection the fault cut: at most the frames the server sent ahead of its
     * answer, never the answer's HEADERS frame.
     */
    private static boolean readsNoAnswer(Socket s) {
        byte[] got;
        try {
            got = s.getInputStream().readAllBytes();
        } catch (IOException reset) {
            return true;
        }
        return got.length <= 13; // the WINDOW_UPDATE ahead of the answer, at most
    }

    @Test
    void aDownLinkRefusesConnections() throws Exception {
        try (LinkEmulator link = LinkEmulator.start("127.0.0.1", echo.getLocalPort(), LinkProfile.LOOPBACK)) {
            link.fault(LinkEmulator.Fault.DOWN);
            assertThrows(IOException.class, () -> {
                byte[] got = roundTrip(link.port(), "hello".getBytes());
                if (got.length == 0) {
                    throw new IOException("nothing came back");
                }
            });
            assertEquals(0, requests.get());
        }
    }
}
