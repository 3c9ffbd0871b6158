package org.accesscentre.sync.release;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A real HTTP server on loopback (the JDK's own) that serves one file with byte ranges as RFC 9110 says, and
 * misbehaves on demand: stop sending after some bytes (the JDK server then holds the connection open, as a
 * stalled link does, and the client's read timeout ends the answer), ignore Range, answer 416.
 */
final class BundleServer implements AutoCloseable {
    enum Mode {
        HONEST,
        IGNORES_RANGE,
        ALWAYS_416,
        /** Promises the whole file but sends a few bytes short and ends the answer cleanly. */
        SHORT_BODY
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private volatile byte[] content = new byte[0];
    private volatile Mode mode = Mode.HONEST;
    /** The next answer stops after this many body bytes; -1 for none. */
    private volatile long cutAfter = -1;

    final List<String> ranges = new CopyOnWriteArrayList<>();

    BundleServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/bundle", this::serve);
        server.start();
    }

    HttpUrl url() {
        return HttpUrl.get("http://127.0.0.1:" + server.getAddress().getPort() + "/bundle");
    }

    BundleServer serve(byte[] bytes) {
        this.content = bytes.clone();
        return this;
    }

    BundleServer mode(Mode m) {
        this.mode = m;
        return this;
    }

    BundleServer cutNextAfter(long bytes) {
        this.cutAfter = bytes;
        return this;
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] bytes = content;
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "none" : range);
        long start = 0;
        long end = bytes.length - 1;
        int status = 200;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches() && mode != Mode.IGNORES_RANGE) {
            start = Long.parseLong(m.group(1));
            if (mode == Mode.ALWAYS_416 || start >= bytes.length) {
                exchange.getResponseHeaders().add("Content-Range", "bytes */" + bytes.length);
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            status = 206;
            if (!m.group(2).isEmpty()) {
                end = Math.min(bytes.length - 1, Long.parseLong(m.group(2)));
            }
            exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + end + "/" + bytes.length);
        }
        long length = end + 1 - start;
        long send = mode == Mode.SHORT_BODY ? length - 10 : length;
        exchange.sendResponseHeaders(status, send);
        long cut = cutAfter;
        cutAfter = -1;
        OutputStream out = exchange.getResponseBody();
        if (cut >= 0 && cut < send) {
            out.write(bytes, (int) start, (int) cut);
            out.flush();
            // Less than promised: the JDK server refuses to end the answer, so the client sees a stalled link.
            try {
                out.close();
            } catch (IOException expected) {
                // "insufficient bytes written to stream": the JDK server closes the connection, which we want
            }
            exchange.close();
            return;
        }
        out.write(bytes, (int) start, (int) send);
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
