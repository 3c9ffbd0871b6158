package org.accesscentre.sync.support;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * What stands between a kiosk and the portal on a bad day: a MockWebServer that forwards every request to
 * the real portal (with OkHttp) and hands back the portal's own answer, except where a test has scripted a
 * fault: an answer instead of the portal's (the portal never sees the request), an answer after the portal's
 * (the portal did the work, the kiosk is told otherwise), or one answer for everything, such as a captive
 * portal's login page.
 * Every exchange is recorded, so a test can say what the daemon sent, and when.
 */
public final class PortalFront implements AutoCloseable {
    /** Headers that belong to one hop, not to the request or answer. */
    private static final Set<String> HOP =
            Set.of("host", "connection", "content-length", "transfer-encoding", "accept-encoding", "keep-alive");

    private static final Set<String> HOP_BACK =
            Set.of("connection", "content-length", "transfer-encoding", "content-encoding", "keep-alive");

    public static final String PATH_BATCHES = "/api/v1/device/batches";
    public static final String PATH_HEARTBEAT = "/api/v1/device/heartbeat";
    public static final String PATH_TOKEN = "/api/v1/device/token";
    public static final String PATH_CHALLENGE = "/api/v1/device/challenge";

    /**
     * One request as the kiosk saw it answered.
     *
     * @param forwarded whether the portal saw it
     * @param scripted whether the kiosk got a scripted answer rather than the portal's
     */
    public record Exchange(String method, String path, int status, boolean forwarded, boolean scripted) {}

    private static final class Script {
        final String path;
        final boolean forward;
        final Supplier<MockResponse> answer;
        int remaining;

        Script(String path, int times, boolean forward, Supplier<MockResponse> answer) {
            this.path = path;
            this.remaining = times;
            this.forward = forward;
            this.answer = answer;
        }
    }

    private final MockWebServer server = new MockWebServer();
    private final String target;
    private final OkHttpClient client;
    private final String scheme;
    private final List<Script> scripts = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private @Nullable Supplier<MockResponse> everything;

    private PortalFront(String target, @Nullable SSLSocketFactory tls) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        this.client = new OkHttpClient.Builder()
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .readTimeout(java.time.Duration.ofSeconds(30))
                .build();
        this.scheme = tls == null ? "http" : "https";
        if (tls != null) {
            server.useHttps(tls);
        } else {
            // The daemon speaks HTTP/2 without TLS by prior knowledge, as to the portal itself.
            server.setProtocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        }
        server.setDispatcher(new Forwarding());
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** A plain-HTTP front for the portal at {@code target} (such as {@code http://127.0.0.1:8080}). */
    public static PortalFront start(String target) throws IOException {
        return new PortalFront(target, null);
    }

    /** A front that speaks TLS with the certificate behind {@code tls}. */
    public static PortalFront startTls(String target, SSLSocketFactory tls) throws IOException {
        return new PortalFront(target, tls);
    }

    /** Where to point a kiosk: {@code localhost}, so a certificate can name it. */
    public String url() {
        return scheme + "://localhost:" + server.getPort();
    }

    /** The next {@code times} requests to {@code path} get {@code answer}; the portal never sees them. */
    public synchronized void answerInstead(String path, int times, Supplier<MockResponse> answer) {
        scripts.add(new Script(path, times, false, answer));
    }

    /** The next {@code times} requests to {@code path} go to the portal, and the kiosk gets {@code answer}. */
    public synchronized void answerAfterPortal(String path, int times, Supplier<MockResponse> answer) {
        scripts.add(new Script(path, times, true, answer));
    }

    /** Forgets every scripted answer not yet given. */
    public synchronized void clearScripts() {
        scripts.clear();
    }

    /**
     * From now on, every request on any path gets {@code answer} and the portal sees none, as behind a captive
     * portal or a load balancer that has given up; null ends it.
     */
    public synchronized void answerAll(@Nullable Supplier<MockResponse> answer) {
        this.everything = answer;
    }

    /** A hotel-wifi login page: 200, text/html. */
    public static MockResponse loginPage() {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html><body><h1>Welcome to Soufri\u00e8re Free WiFi</h1>"
                        + "<form action=\"/login\"><input name=\"accept\" type=\"checkbox\"> I accept</form>"
                        + "</body></html>")
                .build();
    }

    /** An answer with a status, a short JSON error body and optional headers as name, value pairs. */
    public static MockResponse status(int code, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body("{\"code\":\"fault_" + code + "\",\"message\":\"scripted by the test\"}");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The exchanges for one path, in order. */
    public synchronized List<Exchange> exchanges(String path) {
        return exchanges.stream().filter(e -> e.path().equals(path)).toList();
    }

    public synchronized int count(String path) {
        return exchanges(path).size();
    }

    private synchronized @Nullable Script take(String path) {
        for (Iterator<Script> it = scripts.iterator(); it.hasNext(); ) {
            Script s = it.next();
            if (s.path.equals(path) && s.remaining > 0) {
                if (--s.remaining == 0) {
                    it.remove();
                }
                return s;
            }
        }
        return null;
    }

    private synchronized void record(RecordedRequest r, int status, boolean forwarded, boolean scripted) {
        exchanges.add(new Exchange(r.getMethod(), r.getUrl().encodedPath(), status, forwarded, scripted));
    }

    private synchronized @Nullable Supplier<MockResponse> everything() {
        return everything;
    }

    private final class Forwarding extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            Supplier<MockResponse> all = everything();
            if (all != null) {
                MockResponse answer = all.get();
                record(request, answer.getCode(), false, true);
                return answer;
            }
            Script script = take(request.getUrl().encodedPath());
            if (script != null && !script.forward) {
                MockResponse answer = script.answer.get();
                record(request, answer.getCode(), false, true);
                return answer;
            }
            MockResponse answer;
            try {
                answer = forward(request);
            } catch (IOException e) {
                // What a reverse proxy says when the portal behind it is gone.
                answer = new MockResponse.Builder()
                        .code(502)
                        .setHeader("Content-Type", "text/plain")
                        .body("bad gateway: " + e.getMessage())
                        .build();
            }
            if (script != null) {
                MockResponse instead = script.answer.get();
                record(request, instead.getCode(), true, true);
                return instead;
            }
            record(request, answer.getCode(), true, false);
            return answer;
        }

        private MockResponse forward(RecordedRequest request) throws IOException {
            Request.Builder out = new Request.Builder().url(target + request.getTarget());
            Headers headers = request.getHeaders();
            for (String name : headers.names()) {
                // HTTP/2's pseudo-headers (:path, :authority) are not headers to pass on.
                if (!name.startsWith(":") && !HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    for (String value : headers.values(name)) {
                        out.addHeader(name, value);
                    }
                }
            }
            String type = headers.get("Content-Type");
            RequestBody body = request.getBody() == null || request.getMethod().equals("GET")
                    ? null
                    : RequestBody.create(request.getBody().toByteArray(), type == null ? null : MediaType.parse(type));
            out.method(request.getMethod(), body);
            try (Response response = client.newCall(out.build()).execute()) {
                MockResponse.Builder back = new MockResponse.Builder().code(response.code());
                back.body(new Buffer().write(response.body().bytes()));
                for (String name : response.headers().names()) {
                    if (!HOP_BACK.contains(name.toLowerCase(Locale.ROOT))) {
                        back.removeHeader(name);
                        for (String value : response.headers().values(name)) {
                            back.addHeader(name, value);
                        }
                    }
                }
                return back.build();
            }
        }
    }

    @Override
    public void close() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
