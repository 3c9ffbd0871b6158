package org.accesscentre.portal.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.accesscentre.portal.support.TestPortal;
import org.accesscentre.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a refusal does to an HTTP/1.1 connection, read off a raw socket. A refused body is read and dropped,
 * so the connection stays usable; a request Jetty could not parse ends its connection and says so. A server
 * that closes silently after answering makes a client send its next request into a dead connection, and the
 * JDK's client does not retry a POST.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptConnectionTest {
    private TestPortal portal;
    private URI base;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        portal = TestPortal.start(TestPortal.Db.SQLITE, dir, new TestClock(Instant.parse("2026-11-22T14:00:00Z")));
        base = URI.create(portal.portal.url());
    }

    @AfterAll
    void stop() throws Exception {
        portal.close();
    }

    @Test
    void aBodyOnAnUnknownRouteIsDrainedAndTheConnectionServesTheNextRequest() throws IOException {
        try (Socket socket = connect()) {
            send(
                    socket,
                    "PUT",
                    "/api/v1/device/no-such-route",
                    "Content-Type: application/json\r\n",
                    new byte[200_000]);
            Answer refused = read(socket);
            assertEquals(404, refused.status(), refused::toString);
            assertEquals(null, refused.headers().get("connection"), refused::toString);

            send(socket, "PUT", "/api/v1/device/batches", "Content-Type: application/json\r\n", new byte[200_000]);
            Answer wrongMethod = read(socket);
            assertEquals(405, wrongMethod.status(), wrongMethod::toString);
            assertEquals(null, wrongMethod.headers().get("connection"), wrongMethod::toString);

            send(socket, "GET", "/api/v1/health", "", null);
            assertEquals(200, read(socket).status());
        }
    }

    @Test
    void aBodyWithoutCredentialsIsDrainedAndTheConnectionServesTheNextRequest() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "POST", "/api/v1/admin/tokens", "Content-Type: application/json\r\n", new byte[100_000]);
            Answer refused = read(socket);
            assertEquals(401, refused.status(), refused::toString);

            send(socket, "GET", "/api/v1/health", "", null);
            assertEquals(200, read(socket).status());
        }
    }

    @Test
    void aRequestJettyCannotReadEndsTheConnectionAndSaysSo() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "GET", "/api/v1/admin/devices/%00", "Authorization: Bearer " + portal.admin + "\r\n", null);
            Answer refused = read(socket);
            assertEquals(400, refused.status(), refused::toString);
            assertEquals("close", refused.headers().get("connection"), refused::toString);
            assertTrue(refused.body().startsWith("{\"code\":"), refused::toString);
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed after the answer");
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private void send(Socket socket, String method, String path, String headers, byte[] body) throws IOException {
        OutputStream out = socket.getOutputStream();
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private record Answer(int status, Map<String, String> headers, String body) {}

    /** One response with a Content-Length body, read to its end and no further. */
    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(
                    l.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    l.substring(colon + 1).trim());
        }
        byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        return new Answer(
                Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-answer: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
