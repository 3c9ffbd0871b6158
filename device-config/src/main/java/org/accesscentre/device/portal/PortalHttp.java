package org.accesscentre.device.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.wire.ApiError;
import org.jspecify.annotations.Nullable;

/**
 * One request to the portal and its answer as JSON, or a {@link PortalException} that says in one line what
 * went wrong. The JDK's HTTP client: one request per run needs no connection pool or interceptors, and it
 * adds no dependency to the ICT office's tool.
 */
final class PortalHttp {
    /** A portal that does not accept a connection in this time is down or filtered; waiting longer helps no one. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The same bound as every JSON document on the wire: no admin answer is legitimately larger. */
    static final long MAX_ANSWER = JsonLimits.WIRE.maxDocumentBytes();

    private final HttpClient client;
    private final Connection connection;

    PortalHttp(HttpClient client, Connection connection) {
        this.client = client;
        this.connection = connection;
    }

    /** One client for the process, as the JDK intends: each has its own selector thread. */
    static HttpClient shared() {
        return Shared.CLIENT;
    }

    private static final class Shared {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // A redirect would carry the token somewhere the user did not name: report it instead.
                .followRedirects(HttpClient.Redirect.NEVER)
                // One request per run gains nothing from HTTP/2, and h2c upgrades confuse some proxies.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    URI portal() {
        return connection.portal();
    }

    JsonNode get(String path, Map<String, @Nullable Object> query, Duration timeout) throws PortalException {
        return send(request(path, query, timeout).GET().build(), timeout);
    }

    JsonNode delete(String path, Duration timeout) throws PortalException {
        return send(request(path, Map.of(), timeout).DELETE().build(), timeout);
    }

    JsonNode postJson(String path, Map<String, @Nullable Object> body, Duration timeout) throws PortalException {
        byte[] json;
        try {
            json = Json.wire().writeValueAsBytes(withoutNulls(body));
        } catch (IOException e) {
            throw new IllegalStateException("a request body could not be written as JSON", e);
        }
        return post(path, Map.of(), "application/json", HttpRequest.BodyPublishers.ofByteArray(json), timeout);
    }

    JsonNode post(
            String path,
            Map<String, @Nullable Object> query,
            String contentType,
            HttpRequest.BodyPublisher body,
            Duration timeout)
            throws PortalException {
        return send(
                request(path, query, timeout)
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                timeout);
    }

    private HttpRequest.Builder request(String path, Map<String, @Nullable Object> query, Duration timeout) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                q.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return HttpRequest.newBuilder(URI.create(connection.portal() + path + q))
                .timeout(timeout)
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", "application/json")
                .header("User-Agent", "kioskctl");
    }

    private JsonNode send(HttpRequest request, Duration timeout) throws PortalException {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, BoundedBody.handler(MAX_ANSWER));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the wait for the headers; this also bounds a body that trickles.
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw PortalException.unreachable(portal(), "no answer within " + seconds(timeout), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw PortalException.unreachable(portal(), "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BoundedBody.TooLargeException) {
                throw PortalException.unusable(0, portal(), cause.getMessage());
            }
            throw PortalException.unreachable(portal(), reason(cause, timeout), cause);
        }
        return answer(response.statusCode(), response.body(), response.headers().firstValue("Location"));
    }

    private JsonNode answer(int status, byte[] body, Optional<String> location) throws PortalException {
        if (status >= 200 && status < 300) {
            if (body.length == 0) {
                return MissingNode.getInstance(); // 204: done, nothing to say
            }
            try {
                return Json.wire().readTree(body);
            } catch (IOException e) {
                throw PortalException.unusable(status, portal(), "the answer is not JSON; is this the portal?");
            }
        }
        if (status >= 300 && status < 400) {
            throw PortalException.unusable(
                    status,
                    portal(),
                    "a redirect to " + location.map(PortalHttp::clip).orElse("nowhere")
                            + "; not followed, since it would carry the token: give the portal's own URL");
        }
        ApiError error = apiError(body);
        if (error == null) {
            throw PortalException.refused(status, codeFor(status), "not an answer of the portal (a proxy in between?)");
        }
        throw PortalException.refused(status, clip(error.code()), error.message() + details(error.details()));
    }

    private static @Nullable ApiError apiError(byte[] body) {
        try {
            ApiError e = Json.wire().readValue(body, ApiError.class);
            return e == null || e.code() == null || e.message() == null ? null : e;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Details such as the incident id of a 500, which the ICT office quotes to whoever runs the portal. */
    private static String details(Map<String, Object> details) {
        if (details.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        details.forEach((k, v) -> parts.add(k + ": " + clip(String.valueOf(v))));
        return " (" + String.join(", ", parts) + ")";
    }

    /** Why there was no answer: the most specific cause first, each worded for someone who can act on it. */
    static String reason(Throwable error, Duration timeout) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 10; t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            if (t instanceof UnresolvedAddressException) return "unknown host"; // DNS has no such name
        }
        for (Throwable t : chain) {
            if (t instanceof HttpConnectTimeoutException) {
                return "no connection within " + seconds(CONNECT_TIMEOUT); // host down, or a firewall drops it
            }
            if (t instanceof HttpTimeoutException) return "no answer within " + seconds(timeout);
            if (t instanceof SSLHandshakeException h
                    && String.valueOf(h.getMessage()).contains("PKIX")) {
                return "this machine does not trust its TLS certificate"; // self-signed, or a private CA
            }
            if (t instanceof SSLException s) return "TLS failed: " + lower(s.getMessage());
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException && t.getMessage() != null) return lower(t.getMessage());
        }
        for (Throwable t : chain) {
            if (t instanceof ConnectException) return "connection refused"; // the JDK's refusal has no message
        }
        for (Throwable t : chain) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) return lower(t.getMessage());
        }
        return error.getClass().getSimpleName();
    }

    /** A path segment with everything but unreserved characters escaped, so an id cannot reach another route. */
    static String segment(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("'" + value + "' is not an id");
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> withoutNulls(Map<String, @Nullable Object> body) {
        Map<String, Object> out = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 502 -> "bad_gateway";
            case 503 -> "unavailable";
            case 504 -> "gateway_timeout";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String lower(@Nullable String message) {
        String m = String.valueOf(message);
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
