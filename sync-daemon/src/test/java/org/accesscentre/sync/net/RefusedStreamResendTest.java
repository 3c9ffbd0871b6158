package org.accesscentre.sync.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;
import org.junit.jupiter.api.Test;

/**
 * A stream the server refused is sent once more; every other failure is left to the daemon's backoff. The
 * chain is scripted here: a server that refuses streams on cue is not something MockWebServer does over h2c.
 */
class RefusedStreamResendTest {
    private final Request request = new Request.Builder()
            .url("http://127.0.0.1:1/api/v1/device/batches")
            .build();
    private final List<Request> sent = new ArrayList<>();

    /** A chain whose proceed gives each outcome in turn: an IOException is thrown, a Response returned. */
    private Interceptor.Chain chain(Object... outcomes) {
        Deque<Object> next = new ArrayDeque<>(List.of(outcomes));
        return (Interceptor.Chain) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Interceptor.Chain.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "request" -> {
                            return request;
                        }
                        case "proceed" -> {
                            sent.add((Request) args[0]);
                            Object o = next.removeFirst();
                            if (o instanceof IOException e) {
                                throw e;
                            }
                            return o;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private Response ok() {
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.H2_PRIOR_KNOWLEDGE)
                .code(200)
                .message("")
                .build();
    }

    @Test
    void aRefusedStreamIsSentOnceMore() throws Exception {
        Response answer = ok();

        Response got =
                new RefusedStreamResend().intercept(chain(new StreamResetException(ErrorCode.REFUSED_STREAM), answer));

        assertSame(answer, got);
        assertEquals(List.of(request, request), sent);
    }

    @Test
    void aStreamRefusedTwiceFailsAsAnyBrokenLinkDoes() {
        Interceptor.Chain chain = chain(
                new StreamResetException(ErrorCode.REFUSED_STREAM), new StreamResetException(ErrorCode.REFUSED_STREAM));

        StreamResetException e =
                assertThrows(StreamResetException.class, () -> new RefusedStreamResend().intercept(chain));

        assertEquals(ErrorCode.REFUSED_STREAM, e.errorCode);
        assertEquals(2, sent.size(), "once more, not again and again");
    }

    @Test
    void otherResetsAndBrokenLinksAreNotResent() {
        Interceptor.Chain cancelled = chain(new StreamResetException(ErrorCode.CANCEL), ok());
        assertThrows(StreamResetException.class, () -> new RefusedStreamResend().intercept(cancelled));
        assertEquals(1, sent.size(), "the server may have processed a cancelled stream");

        sent.clear();
        Interceptor.Chain reset = chain(new java.net.SocketException("Connection reset"), ok());
        assertThrows(java.net.SocketException.class, () -> new RefusedStreamResend().intercept(reset));
        assertEquals(1, sent.size());
    }
}
