package org.accesscentre.app.device;

/** The kiosk's status light: green LED online, amber requests waiting, red a fault. */
public interface StatusLights extends AutoCloseable {
    /** Lights the LEDs for {@code state} at once. */
    void show(LightState state);

    /** What was last shown; {@link LightState#OFF} before the first {@link #show}. */
    LightState shown();

    /** Turns every LED off. */
    @Override
    void close();
}
