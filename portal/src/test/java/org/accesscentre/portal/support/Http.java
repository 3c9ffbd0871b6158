package org.accesscentre.portal.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.accesscentre.core.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTP client for end-to-end tests: the JDK's client against the real server on loopback, on HTTP/1.1
 * as kioskctl and most admin tools speak it (kiosks speak HTTP/2 through OkHttp; their tests use the daemon).
 */
public final class Http {
    private static final ObjectMapper JSON = Json.wire();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Response(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + new String(body), e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("not a " + type.getSimpleName() + " (" + status + "): " + new String(body), e);
            }
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Response get(String path, @Nullable String token) {
        return send(request(path, token).GET().build());
    }

    public Response get(String path, @Nullable String token, String header, String value) {
        return send(request(path, token).header(header, value).GET().build());
    }

    public Response delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response postJson(String path, @Nullable String token, Object body) {
        return post(path, token, "application/json", bytes(body), false);
    }

    public Response postGzipJson(String path, @Nullable String token, Object body) {
        return post(path, token, "application/json", gzip(bytes(body)), true);
    }

    public Response post(String path, @Nullable String token, String contentType, byte[] body, boolean gzip) {
        HttpRequest.Builder b = request(path, token).header("Content-Type", contentType);
        if (gzip) {
            b.header("Content-Encoding", "gzip");
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Any method, headers and body, exactly as given: for requests no well-behaved client would send. */
    public Response call(
            String method, String path, @Nullable String token, Map<String, String> headers, byte @Nullable [] body) {
        HttpRequest.Builder b = request(path, token);
        headers.forEach(b::header);
        return send(b.method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public static byte[] bytes(Object body) {
        if (body instanceof byte[] b) {
            return b;
        }
        if (body instanceof String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
