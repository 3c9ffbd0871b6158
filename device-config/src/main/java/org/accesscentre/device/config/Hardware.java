package org.accesscentre.device.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kiosk's optional hardware. GPIO pins are BCM numbers (0 to 27 on a Raspberry Pi's header), each used
 * once.
 *
 * @param helpButtonPin a physical "call the attendant" button
 * @param leds a status light: green online, amber queue waiting, red a fault
 * @param buzzerPin sounds when the help button is pressed or paper runs out
 * @param printer the receipt printer
 */
public record Hardware(
        OptionalInt helpButtonPin, Optional<Leds> leds, OptionalInt buzzerPin, Optional<Printer> printer) {
    public static final Hardware NONE =
            new Hardware(OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());

    /** The three pins of the status light. */
    public record Leds(int green, int amber, int red) {}

    /**
     * An ESC/POS receipt printer on a serial port.
     *
     * @param port a device under {@code /dev}, such as {@code /dev/ttyUSB0}
     */
    public record Printer(String port, int baudRate) {}
}
