package org.accesscentre.sync.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import okhttp3.CertificatePinner;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.wire.Challenge;
import org.accesscentre.core.wire.DeviceToken;
import org.accesscentre.core.wire.EnrolRequest;
import org.accesscentre.core.wire.EnrolResponse;
import org.accesscentre.core.wire.EventBatch;
import org.accesscentre.core.wire.EventBatchResult;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.StatusFeed;
import org.accesscentre.core.wire.TokenRequest;
import org.jspecify.annotations.Nullable;

/**
 * The portal's device API over one shared OkHttp client. Every call returns the expected record or throws a
 * {@link PortalException} that says what to do: a 200 without the expected JSON is never taken as success.
 */
public final class PortalClient {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final long MAX_JSON_RESPONSE = 4L << 20;
    private static final long MAX_BUNDLE = 256L << 20;

    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper = Json.mapper(JsonLimits.WIRE);
    private final String userAgent;

    public PortalClient(URI portal, OkHttpClient http, String userAgent) {
        HttpUrl url = HttpUrl.get(portal.toString());
        this.base = url;
        this.http = http;
        this.userAgent = userAgent;
    }

    /**
     * The one client a daemon uses. Explicit timeouts (a rural link is slow, not dead); no redirects (a
     * redirect is a login page); no retries in the client (the daemon's schedule retries); the system's
     * trust store, and the portal's certificate pinned when the configuration names pins.
     */
    public static OkHttpClient httpClient(URI portal, List<String> pinSha256) {
        return httpClient(portal, pinSha256, Timeouts.RURAL);
    }

    /**
     * How long to wait. A rural link is slow, not dead: a minute without a byte is a dead link, but a large
     * batch may take minutes to cross at half a megabit.
     */
    public record Timeouts(Duration connect, Duration read, Duration call) {
        public static final Timeouts RURAL =
                new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    public static OkHttpClient httpClient(URI portal, List<String> pinSha256, Timeouts timeouts) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .addInterceptor(new RefusedStreamResend())
                // One kept connection for the heartbeat's whole interval and more: a new connection costs a
                // handshake and uncompressed headers, on a link paid by the megabyte.
                .connectionPool(new ConnectionPool(1, 10, TimeUnit.MINUTES));
        if ("http".equalsIgnoreCase(portal.getScheme())) {
            // Our portal speaks HTTP/2 in the clear on the same port (HPACK headers are most of a small
            // call's bytes); over TLS, ALPN picks HTTP/2 where the far end offers it.
            b.protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        }
        if (!pinSha256.isEmpty()) {
            CertificatePinner.Builder pins = new CertificatePinner.Builder();
            pinSha256.forEach(p -> pins.add(portal.getHost(), "sha256/" + p));
            b.certificatePinner(pins.build());
        }
        return b.build();
    }

    public OkHttpClient http() {
        return http;
    }

    public EnrolResponse enrol(EnrolRequest request) throws PortalException {
        return json(post("api/v1/enrol", null, request, false), EnrolResponse.class);
    }

    public Challenge challenge(String deviceId) throws PortalException {
        return json(
                post("api/v1/device/challenge", null, java.util.Map.of("deviceId", deviceId), false), Challenge.class);
    }

    public DeviceToken token(TokenRequest request) throws PortalException {
        return json(post("api/v1/device/token", null, request, false), DeviceToken.class);
    }

    public IngestResult send(String token, IngestBatch batch) throws PortalException {
        return json(post("api/v1/device/batches", token, batch, true), IngestResult.class);
    }

    public EventBatchResult events(String token, EventBatch batch) throws PortalException {
        return json(post("api/v1/device/events", token, batch, true), EventBatchResult.class);
    }

    public StatusFeed statuses(String token, String cursor, int limit) throws PortalException {
        HttpUrl url = base.newBuilder()
                .addPathSegments("api/v1/device/statuses")
                .addQueryParameter("cursor", cursor)
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        return json(request(url, token).get().build(), StatusFeed.class);
    }

    public HeartbeatReply heartbeat(String token, Heartbeat heartbeat) throws PortalException {
        return json(post("api/v1/device/heartbeat", token, heartbeat, true), HeartbeatReply.class);
    }

    /** A bundle as fetched: new bytes, unchanged (304), or none published. */
    public sealed interface BundleFetch {
        record Fetched(byte[] bytes, long version, String etag) implements BundleFetch {}

        record NotModified() implements BundleFetch {}

        record NonePublished() implements BundleFetch {}
    }

    public BundleFetch bundle(String token, String kind, @Nullable String etag) throws PortalException {
        Request.Builder r = request(
                        base.newBuilder()
                                .addPathSegments("api/v1/device/" + kind)
                                .build(),
                        token)
                .get();
        if (etag != null) {
            r.header("If-None-Match", etag);
        }
        try (Response response = http.newCall(r.build()).execute()) {
            if (response.code() == 304) {
                return new BundleFetch.NotModified();
            }
            byte[] body = read(response.body(), response.isSuccessful() ? MAX_BUNDLE : 8192);
            if (response.code() == 404
                    && body.length > 0
                    && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("none_published")) {
                return new BundleFetch.NonePublished();
            }
            if (!response.isSuccessful()) {
                throw failure(response, body);
            }
            String type = response.header("Content-Type");
            String version = response.header("X-Bundle-Version");
            String newEtag = response.header("ETag");
            if (type == null
                    || !type.startsWith("application/zip")
                    || version == null
                    || newEtag == null
                    || !version.matches("[0-9]{1,18}")) {
                throw new PortalException(Failures.notThePortal(response.code()));
            }
            return new BundleFetch.Fetched(body, Long.parseLong(version), newEtag);
        } catch (IOException e) {
            throw new PortalException(Failures.of(e), e);
        }
    }

    private Request post(String path, @Nullable String token, Object body, boolean gzip) throws PortalException {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a request could not be written as JSON", e);
        }
        Request.Builder r = request(base.newBuilder().addPathSegments(path).build(), token);
        if (gzip) {
            bytes = gzip(bytes);
            r.header("Content-Encoding", "gzip");
        }
        return r.post(RequestBody.create(bytes, JSON)).build();
    }

    /** Where the release a rollout offers this device is fetched, resumable with Range. */
    public HttpUrl releaseUrl() {
        return base.newBuilder().addPathSegments("api/v1/device/release").build();
    }

    /** The headers of a device's authenticated request, for a caller that makes its own. */
    public Headers deviceHeaders(String token) {
        return request(base, token).build().headers();
    }

    private Request.Builder request(HttpUrl url, @Nullable String token) {
        Request.Builder r = new Request.Builder().url(url).header("User-Agent", userAgent);
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return r;
    }

    private <T> T json(Request request, Class<T> type) throws PortalException {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = read(response.body(), response.isSuccessful() ? MAX_JSON_RESPONSE : 8192);
            if (!response.isSuccessful()) {
                throw failure(response, body);
            }
            String contentType = response.header("Content-Type");
            if (contentType == null || !contentType.startsWith("application/json")) {
                throw new PortalException(Failures.notThePortal(response.code()));
            }
            try {
                T value = mapper.readValue(body, type);
                if (value == null) {
                    throw new PortalException(Failures.notThePortal(response.code()));
                }
                return value;
            } catch (IOException e) {
                throw new PortalException(Failures.notThePortal(response.code()), e);
            }
        } catch (IOException e) {
            throw new PortalException(Failures.of(e), e);
        }
    }

    private static PortalException failure(Response response, byte[] body) {
        return new PortalException(Failures.of(
                response.code(),
                response.header("Content-Type"),
                body,
                response.header("Retry-After"),
                response.header("Date")));
    }

    private static byte[] read(ResponseBody body, long max) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new IOException("the response is larger than " + max + " bytes");
            }
            return bytes;
        }
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new IllegalStateException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
