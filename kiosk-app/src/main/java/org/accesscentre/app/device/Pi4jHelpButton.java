package org.accesscentre.app.device;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The help button on a GPIO input, wired from the pin to 3.3 V with the Pi's pull-down on: pressed is high.
 * Presses are debounced by {@link PressDebounce}.
 */
final class Pi4jHelpButton implements HelpButton {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jHelpButton.class);

    private final DigitalInput input;
    private final PressDebounce debounce;
    private final DigitalStateChangeListener edges;
    private volatile Runnable listener = () -> {};

    Pi4jHelpButton(DigitalInput input, Clock clock) {
        this.input = input;
        this.debounce = new PressDebounce(clock);
        this.edges = event -> edge(event.state() == DigitalState.HIGH);
        input.addListener(edges);
    }

    private void edge(boolean pressed) {
        if (!debounce.edge(pressed)) {
            return;
        }
        try {
            listener.run();
        } catch (RuntimeException e) {
            // Pi4J's event thread must survive a faulty listener, or the button goes dead for the day.
            LOG.error("The help button's listener failed", e);
        }
    }

    @Override
    public void onPressed(Runnable listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void close() {
        listener = () -> {};
        input.removeListener(edges);
    }
}
