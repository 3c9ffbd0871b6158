package org.accesscentre.app.device;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An active buzzer on a GPIO output: high sounds it. The scheduler turns it off again. */
final class Pi4jBuzzer implements Buzzer {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jBuzzer.class);

    private final DigitalOutput output;
    private final ScheduledExecutorService scheduler;
    private @Nullable ScheduledFuture<?> off;
    // Each sound has a number, so an old sound's stop that was already running cannot cut a new one short.
    private long sound;
    private boolean closed;

    Pi4jBuzzer(DigitalOutput output, ScheduledExecutorService scheduler) {
        this.output = output;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void sound(Duration length) {
        if (length.isNegative()) {
            throw new IllegalArgumentException("a buzzer cannot sound for " + length);
        }
        if (closed) {
            return;
        }
        if (off != null) {
            off.cancel(false);
        }
        long number = ++sound;
        set(DigitalState.HIGH);
        off = scheduler.schedule(() -> stop(number), length.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void stop(long number) {
        if (number == sound) {
            set(DigitalState.LOW);
            off = null;
        }
    }

    private void set(DigitalState state) {
        try {
            output.state(state);
        } catch (Pi4JException e) {
            LOG.warn("Could not set the buzzer {}: {}", state, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        sound++;
        if (off != null) {
            off.cancel(false);
            off = null;
        }
        set(DigitalState.LOW);
    }
}
