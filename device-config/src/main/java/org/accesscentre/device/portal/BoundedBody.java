package org.accesscentre.device.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body read into memory up to a limit; past it, the exchange is cancelled. The JDK's
 * {@code BodyHandlers.limiting} does the same but fails with a plain {@code IOException} that cannot be told
 * apart from a broken connection, and "cannot reach" would be the wrong thing to tell the user.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The answer was larger than kioskctl reads. */
    static final class TooLargeException extends IOException {
        @Serial
        private static final long serialVersionUID = 1L;

        TooLargeException(long max) {
            super("the answer is larger than " + max + " bytes");
        }
    }

    private final long max;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    BoundedBody(long max) {
        this.max = max;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long max) {
        return info -> new BoundedBody(max);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            if (body.isDone()) {
                return;
            }
            if (buffer.size() + (long) item.remaining() > max) {
                body.completeExceptionally(new TooLargeException(max));
                if (subscription != null) {
                    subscription.cancel();
                }
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            buffer.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }
}
