package org.accesscentre.device.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.Node;

/** Maps the {@code hardware} section, refusing a GPIO pin that is given two jobs. */
final class HardwareMapper {
    /** The BCM GPIO numbers on a Raspberry Pi's 40-pin header. */
    static final int MAX_PIN = 27;

    static final Set<Integer> BAUD_RATES = Set.of(9600, 19200, 38400, 57600, 115200);
    private static final Pattern DEVICE =
            Pattern.compile("/dev/[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private final Map<Integer, String> used = new HashMap<>();

    Hardware map(Node n) throws JsonInputException {
        n.allowOnly(Set.of("helpButtonPin", "leds", "buzzerPin", "printer"));
        OptionalInt help = optionalPin(n, "helpButtonPin");
        Optional<Hardware.Leds> leds = Optional.empty();
        if (n.has("leds")) {
            Node l = n.required("leds");
            l.allowOnly(Set.of("green", "amber", "red"));
            leds = Optional.of(
                    new Hardware.Leds(pin(l.required("green")), pin(l.required("amber")), pin(l.required("red"))));
        }
        OptionalInt buzzer = optionalPin(n, "buzzerPin");
        Optional<Hardware.Printer> printer =
                n.has("printer") ? Optional.of(printer(n.required("printer"))) : Optional.empty();
        return new Hardware(help, leds, buzzer, printer);
    }

    private OptionalInt optionalPin(Node parent, String name) throws JsonInputException {
        return parent.has(name) ? OptionalInt.of(pin(parent.required(name))) : OptionalInt.empty();
    }

    private int pin(Node n) throws JsonInputException {
        int pin = n.asInt(0, MAX_PIN);
        String earlier = used.putIfAbsent(pin, n.path());
        if (earlier != null) {
            throw n.error("pin " + pin + " is already used by " + earlier);
        }
        return pin;
    }

    private static Hardware.Printer printer(Node n) throws JsonInputException {
        n.allowOnly(Set.of("port", "baudRate"));
        Node portNode = n.required("port");
        String port = portNode.asText(100);
        if (!DEVICE.matcher(port).matches()) { // no segment may start with '.', so no ".." either
            throw portNode.error("must be a serial device such as /dev/ttyUSB0, not '" + Node.clip(port) + "'");
        }
        int baud = DeviceConfigReader.optionalInt(n, "baudRate", 19200, 1, 4_000_000);
        if (!BAUD_RATES.contains(baud)) {
            throw n.error("baudRate", "must be one of 9600, 19200, 38400, 57600 or 115200, not " + baud);
        }
        return new Hardware.Printer(port, baud);
    }
}
