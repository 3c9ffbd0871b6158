package org.accesscentre.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.accesscentre.core.json.Json;
import org.accesscentre.portal.security.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per request, and a timer per route. Only the route's template is logged, never the path
 * with its ids, nor the query, nor a body, nor a header: nothing personal or secret reaches the logs.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("portal.requests");

    private final MeterRegistry metrics;

    RequestLog(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void log(Context ctx, float millis) {
        String route = route(ctx);
        int status = ctx.statusCode();
        Timer.builder("portal_http_requests")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(metrics)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = Json.wire().createObjectNode();
        line.put("method", ctx.method().name());
        line.put("route", route);
        line.put("status", status);
        line.put("ms", Math.round(millis * 10) / 10.0);
        Object principal = ctx.attribute(Authenticator.PRINCIPAL);
        if (principal instanceof Principal p) {
            line.put("by", p.logId());
        }
        String error = ctx.attribute(ErrorHandling.ERROR_CODE);
        if (error != null) {
            line.put("error", error);
        }
        try {
            LOG.info(Json.wire().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("a request log line could not be written");
        }
    }

    static String route(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }
}
