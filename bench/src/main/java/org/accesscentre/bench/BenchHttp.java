package org.accesscentre.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.accesscentre.core.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * The benchmarks' HTTP client: one JDK {@link HttpClient}, shared by every client thread, speaking HTTP/1.1
 * over loopback. Its pool keeps every connection alive however many threads send at once, so each client
 * thread behaves like one kiosk's persistent connection; {@code HttpURLConnection} keeps at most five idle
 * connections per host ({@code http.maxConnections}), so 16 threads would keep opening new ones and the
 * benchmark would time TCP handshakes. HTTP/1.1 is pinned because kiosks speak it and the portal serves
 * cleartext without h2c.
 */
final class BenchHttp {
    static final ObjectMapper JSON = Json.wire();

    private final HttpClient client;
    private final String base;

    BenchHttp(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    record Response(int status, byte[] body) {
        <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new IllegalStateException("not a " + type.getSimpleName() + " (" + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        Response expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ", not " + expected + ": " + text());
            }
            return this;
        }
    }

    Response get(String path, @Nullable String token) {
        return send(request(path, token).GET().build());
    }

    Response postJson(String path, @Nullable String token, Object body) {
        return post(path, token, json(body), false);
    }

    /** Posts a body already encoded as JSON, and already gzipped when {@code gzipped}. */
    Response post(String path, @Nullable String token, byte[] body, boolean gzipped) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", "application/json");
        if (gzipped) {
            b.header("Content-Encoding", "gzip");
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Posts a file as it is, such as a bundle as {@code application/zip}. */
    Response postFile(String path, @Nullable String token, String contentType, byte[] body) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the portal", e);
        }
    }

    private HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
