package org.accesscentre.sync.net;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;

/**
 * Sends a request once more when the portal refused its HTTP/2 stream. A stream reset with REFUSED_STREAM,
 * or cut off by the server's GOAWAY (which OkHttp reports the same way), was not processed at all (RFC 9113,
 * section 8.7), so sending it again is not a retry of something that may have happened: it is the request's
 * first delivery. Jetty refuses streams this way when it winds a connection down; on a trickling rural link
 * that happens mid-round. Every other failure is the daemon's backoff's to handle, at that one layer. The
 * bodies the daemon sends are byte arrays, so they can be sent twice.
 */
final class RefusedStreamResend implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            return chain.proceed(chain.request());
        } catch (StreamResetException e) {
            if (e.errorCode != ErrorCode.REFUSED_STREAM) {
                throw e;
            }
            return chain.proceed(chain.request());
        }
    }
}
