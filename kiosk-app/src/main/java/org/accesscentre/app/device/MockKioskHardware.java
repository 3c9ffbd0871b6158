package org.accesscentre.app.device;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.util.Map;
import org.accesscentre.app.device.LightState.Color;
import org.jspecify.annotations.Nullable;

/**
 * {@link KioskHardware} on Pi4J's mock pins, with the hands and eyes a test or the desktop demo needs: press
 * the help button, and read which LEDs are lit and whether the buzzer sounds, from the pins themselves. Made
 * by {@link KioskHardware#mock}.
 */
public final class MockKioskHardware implements AutoCloseable {
    private final KioskHardware hardware;
    private final @Nullable MockDigitalInput help;
    private final Map<Color, DigitalOutput> leds;
    private final @Nullable DigitalOutput buzzer;

    MockKioskHardware(KioskHardware.Wiring wiring) {
        this.hardware = wiring.hardware();
        this.help = (MockDigitalInput) wiring.help();
        this.leds = Map.copyOf(wiring.leds());
        this.buzzer = wiring.buzzer();
        hardware.simulatedBy(this);
    }

    /** The parts, as the app uses them. */
    public KioskHardware hardware() {
        return hardware;
    }

    public HelpButton helpButton() {
        return hardware.helpButton();
    }

    public StatusLights lights() {
        return hardware.lights();
    }

    public Buzzer buzzer() {
        return hardware.buzzer();
    }

    /**
     * Presses and releases the help button: two clean edges at the clock's present time. It counts as a press
     * when the button had been still for the debounce time before (see {@code PressDebounce}).
     *
     * @throws IllegalStateException if the config has no help button
     */
    public void pressHelp() {
        MockDigitalInput input = help();
        input.mockState(DigitalState.HIGH);
        input.mockState(DigitalState.LOW);
    }

    /**
     * Flips the help button's input {@code edges} times at the clock's present time, as a bouncing contact
     * does: from released, an odd number leaves it pressed and an even number released.
     */
    public void bounce(int edges) {
        if (edges < 0) {
            throw new IllegalArgumentException("edges must be 0 or more, not " + edges);
        }
        MockDigitalInput input = help();
        for (int i = 0; i < edges; i++) {
            input.mockState(input.state() == DigitalState.HIGH ? DigitalState.LOW : DigitalState.HIGH);
        }
    }

    /** Whether the LED of {@code colour} is lit, read from its output pin; false when there are no LEDs. */
    public boolean led(Color colour) {
        DigitalOutput led = leds.get(colour);
        return led != null && led.state() == DigitalState.HIGH;
    }

    /** All three LEDs, read from their pins. */
    public LightState lit() {
        return new LightState(led(Color.GREEN), led(Color.AMBER), led(Color.RED));
    }

    /** Whether the buzzer's pin is on. */
    public boolean buzzing() {
        return buzzer != null && buzzer.state() == DigitalState.HIGH;
    }

    /** Whether there is a help button to press, so {@link HardwarePanel} knows whether to offer it. */
    public boolean hasHelpButton() {
        return help != null;
    }

    private MockDigitalInput help() {
        if (help == null) {
            throw new IllegalStateException("this kiosk's device config has no help button");
        }
        return help;
    }

    /** Closes the hardware and shuts its Pi4J context down. */
    @Override
    public void close() {
        hardware.close();
    }
}
