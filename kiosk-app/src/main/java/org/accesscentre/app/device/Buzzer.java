package org.accesscentre.app.device;

import java.time.Duration;

/** A buzzer that sounds when the help button is pressed or the paper runs out. */
public interface Buzzer extends AutoCloseable {
    /**
     * Sounds for {@code length} and returns at once; sounding again while it sounds restarts the length.
     *
     * @throws IllegalArgumentException if {@code length} is negative
     */
    void sound(Duration length);

    /** Silences it. */
    @Override
    void close();
}
