package org.accesscentre.app.device;

/**
 * What the kiosk's status light shows: each LED is one fact, so any mix of the three can be lit.
 *
 * @param online green: the kiosk reaches the portal
 * @param waiting amber: requests are waiting on this kiosk, or citizens in the queue
 * @param fault red: something needs the attendant, such as the printer out of paper
 */
public record LightState(boolean online, boolean waiting, boolean fault) {
    public static final LightState OFF = new LightState(false, false, false);

    /** The three LEDs, by the colour of their lens. */
    public enum Color {
        GREEN,
        AMBER,
        RED
    }

    /** Whether the LED of {@code colour} is lit in this state. */
    public boolean lit(Color colour) {
        return switch (colour) {
            case GREEN -> online;
            case AMBER -> waiting;
            case RED -> fault;
        };
    }
}
