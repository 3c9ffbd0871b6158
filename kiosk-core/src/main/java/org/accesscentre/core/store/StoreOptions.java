package org.accesscentre.core.store;

import java.time.Duration;

/**
 * How the local store is opened.
 *
 * @param busyTimeout how long a writer waits for the other process's transaction before giving up; long
 *     enough that a busy store is never an error a person sees
 * @param maxBytes the most the store file may grow to, leaving the SD card room for the system; 0 for no
 *     limit. Reaching it makes {@link LocalStore#submit} throw {@link StoreFullException}.
 */
public record StoreOptions(Duration busyTimeout, long maxBytes) {
    public static final StoreOptions DEFAULTS = new StoreOptions(Duration.ofSeconds(30), 0);

    public StoreOptions {
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout out of range: " + busyTimeout);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes cannot be negative");
        }
    }

    public StoreOptions withMaxBytes(long bytes) {
        return new StoreOptions(busyTimeout, bytes);
    }
}
