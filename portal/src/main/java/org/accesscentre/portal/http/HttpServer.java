package org.accesscentre.portal.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Javalin on Jetty, with the portal's routes, authentication, errors, request log and metrics. */
public final class HttpServer {
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static HttpServer start(Services services, PrometheusMeterRegistry metrics, String host, int port) {
        Authenticator auth = new Authenticator(services.tokens(), services.deviceAuth());
        RequestLog requestLog = new RequestLog(metrics);
        Javalin app = Javalin.create(config -> {
            config.jetty.addConnector((server, http) -> connector(server, http, host, port));
            config.jsonMapper(new JacksonMapper());
            config.http.maxRequestSize = 300L << 20; // routes read bodies themselves, each within its own limit
            config.http.generateEtags = false;
            // A known path with the wrong method is 405, not "no such route" (RFC 9110, 15.5.6).
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.requestLogger.http(requestLog::log);
            ErrorHandling.install(config);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.routes.beforeMatched(auth::check);
            config.routes.get(
                    "/api/v1/health",
                    ctx -> {
                        boolean db = services.database().ping();
                        ctx.status(db ? 200 : 503)
                                .json(Map.of("status", db ? "ok" : "degraded", "database", db ? "ok" : "unreachable"));
                    },
                    Access.PUBLIC);
            config.routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()),
                    Access.READ);
            new DeviceRoutes(services).register(config.routes);
            new AdminRoutes(services).register(config.routes);
            new RolloutRoutes(services).register(config.routes);
            new AgencyRoutes(services).register(config.routes);
        });
        app.start();
        return new HttpServer(app);
    }

    /**
     * One port for HTTP/1.1 and for HTTP/2 without TLS (h2c, prior knowledge): kiosks on metered links
     * keep one connection and send compressed headers, so a heartbeat costs a few hundred bytes. Behind a
     * TLS-terminating proxy the same holds when the proxy speaks h2 to the kiosk.
     */
    private static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector =
                new ServerConnector(server, new HttpConnectionFactory(http), new HTTP2CServerConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        // Longer than the heartbeat interval, so a quiet kiosk's connection (and its header table) lives on.
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        return connector;
    }

    public int port() {
        return app.port();
    }

    /** The running Javalin, for tests that compare its routes with the OpenAPI document. */
    public Javalin javalin() {
        return app;
    }

    public void stop() {
        app.stop();
    }
}
