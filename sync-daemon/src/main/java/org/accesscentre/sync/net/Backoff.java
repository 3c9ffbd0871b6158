package org.accesscentre.sync.net;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff and Jitter"): wait a random
 * time between zero and {@code min(cap, base * 2^attempt)}. Hundreds of kiosks coming back online after a
 * national outage then spread their retries instead of arriving together.
 */
public final class Backoff {
    public static final Duration BASE = Duration.ofSeconds(2);
    public static final Duration CAP = Duration.ofMinutes(15);

    private final RandomGenerator random;
    private final Duration base;
    private final Duration cap;

    public Backoff(RandomGenerator random) {
        this(random, BASE, CAP);
    }

    public Backoff(RandomGenerator random, Duration base, Duration cap) {
        this.random = random;
        this.base = base;
        this.cap = cap;
    }

    /** The wait before attempt number {@code failures} (the first retry after one failure is 1). */
    public Duration delay(int failures) {
        long ceiling = ceiling(failures).toMillis();
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }

    /** The largest wait for that many failures. */
    public Duration ceiling(int failures) {
        int shift = Math.max(0, Math.min(failures, 30));
        long millis = base.toMillis() << shift;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
