package org.accesscentre.portal.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.UUID;
import org.accesscentre.core.wire.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error leaves as {@code {code, message, details}} with its status. A refusal is the client's to fix
 * and is not logged as an error; an unexpected failure is logged once, here, with an id the response
 * carries, and the client learns nothing of the internals. Whatever the request body still holds is read and
 * dropped first, so the client reads the refusal rather than a closed connection.
 */
final class ErrorHandling {
    static final String ERROR_CODE = "error-code";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {}

    static void install(JavalinConfig config) {
        config.routes.exception(
                ApiException.class, (e, ctx) -> send(ctx, e.status(), e.code(), e.getMessage(), e.details()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                // Javalin (prefer405over404) names the methods the path takes; RFC 9110 wants them in Allow.
                String allow = e.getDetails().getOrDefault("availableMethods", "");
                if (!allow.isBlank()) {
                    ctx.header("Allow", allow);
                }
                send(
                        ctx,
                        405,
                        "method_not_allowed",
                        "this route does not take that method" + (allow.isBlank() ? "" : "; it takes " + allow),
                        Map.of());
                return;
            }
            send(
                    ctx,
                    e.getStatus(),
                    codeFor(e.getStatus()),
                    e.getMessage() == null || e.getMessage().isBlank()
                            ? "the request could not be served"
                            : e.getMessage(),
                    Map.of());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            String incident = UUID.randomUUID().toString();
            LOG.error("unexpected failure on {} {} (incident {})", ctx.method(), RequestLog.route(ctx), incident, e);
            send(
                    ctx,
                    500,
                    "internal",
                    "something went wrong on the portal; the incident is logged",
                    Map.of("incident", incident));
        });
        config.routes.error(404, ctx -> {
            if (ctx.attribute(ERROR_CODE) == null) {
                send(ctx, 404, "not_found", "there is no such route: check the method and the path", Map.of());
            }
        });
        config.routes.error(405, ctx -> {
            if (ctx.attribute(ERROR_CODE) == null) {
                send(ctx, 405, "method_not_allowed", "this route does not take that method", Map.of());
            }
        });
    }

    static void send(Context ctx, int status, String code, String message, Map<String, Object> details) {
        ctx.attribute(ERROR_CODE, code);
        Bodies.drainBeforeRefusal(ctx);
        ctx.status(status);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        ctx.json(new ApiError(code, message, details));
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }
}
