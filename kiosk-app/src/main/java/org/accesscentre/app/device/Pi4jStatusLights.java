package org.accesscentre.app.device;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.accesscentre.app.device.LightState.Color;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The status light on three GPIO outputs, each driving one LED through its resistor: high is lit. */
final class Pi4jStatusLights implements StatusLights {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jStatusLights.class);

    private final Map<Color, DigitalOutput> leds;
    private LightState shown = LightState.OFF;
    private boolean failedBefore;

    Pi4jStatusLights(Map<Color, DigitalOutput> leds) {
        this.leds = new EnumMap<>(leds);
    }

    @Override
    public synchronized void show(LightState state) {
        Objects.requireNonNull(state, "state");
        try {
            leds.forEach((colour, led) -> led.state(state.lit(colour) ? DigitalState.HIGH : DigitalState.LOW));
            failedBefore = false;
        } catch (Pi4JException e) {
            // A light is a hint, not a duty: log the first failure of a run of them, and carry on.
            if (!failedBefore) {
                LOG.warn("Could not set the status light to {}: {}", state, e.toString());
            }
            failedBefore = true;
        }
        shown = state;
    }

    @Override
    public synchronized LightState shown() {
        return shown;
    }

    @Override
    public void close() {
        show(LightState.OFF);
    }
}
