package org.accesscentre.sync.release;

import java.io.Serial;
import java.util.Optional;
import org.accesscentre.device.bundle.BundleException;
import org.jspecify.annotations.Nullable;

/**
 * A release was not installed. The message is one line a person can act on, such as {@code refused: version
 * 4 is older than the minimum 5}; {@link #retryable()} says whether trying again later can help (a download
 * that broke resumes) or not (a refused bundle stays refused).
 */
public final class ReleaseException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final BundleException.@Nullable Reason reason;

    private ReleaseException(String message, boolean retryable, BundleException.@Nullable Reason reason) {
        super(message);
        this.retryable = retryable;
        this.reason = reason;
    }

    /** Refused for good: a bad bundle, a bad offer, a server answering nonsense. */
    public static ReleaseException refused(String detail) {
        return new ReleaseException("refused: " + detail, false, null);
    }

    static ReleaseException refused(BundleException e) {
        return new ReleaseException(e.getMessage(), false, e.reason());
    }

    /** Worth another try later: the link broke, the server was busy. */
    public static ReleaseException retry(String detail) {
        return new ReleaseException(detail, true, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The verifier's reason when the bundle itself was refused. */
    public Optional<BundleException.Reason> reason() {
        return Optional.ofNullable(reason);
    }
}
