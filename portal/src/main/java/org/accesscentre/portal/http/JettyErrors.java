package org.accesscentre.portal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.ApiError;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Errors Jetty answers before a request reaches a route (headers too large, a path that is not UTF-8, a NUL
 * in the URI) leave as the same {@code {code, message, details}} as every other error, never as HTML, and on
 * HTTP/1 with {@code Connection: close}, since Jetty does not keep such a connection.
 */
final class JettyErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int status,
            @Nullable String message,
            @Nullable Throwable cause,
            Callback callback) {
        String text = switch (status) {
            case 414 -> "the request path and query are longer than the portal accepts";
            case 431 -> "the request headers are larger than the portal accepts";
            default -> "the request could not be read: " + Bodies.clip(message == null ? "malformed" : message);
        };
        byte[] body;
        try {
            body = Json.wire().writeValueAsBytes(new ApiError(ErrorHandling.codeFor(status), text, Map.of()));
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (request.getConnectionMetaData().getHttpVersion().getVersion() < 20) {
            // Jetty closes an HTTP/1 connection after a request it could not read; saying so keeps a client
            // from sending its next request into a connection that is already gone.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
