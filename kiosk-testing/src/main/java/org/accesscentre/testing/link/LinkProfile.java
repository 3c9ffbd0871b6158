package org.accesscentre.testing.link;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A link's shape: bandwidth each way and one-way delay. The presets are what rural centres see: a poor 3G
 * signal, a fair one, and 4G.
 */
public record LinkProfile(String name, long bitsPerSecond, Duration oneWayDelay) {
    public static final LinkProfile THREE_G_POOR = new LinkProfile("3g-poor", 500_000, Duration.ofMillis(250));
    public static final LinkProfile THREE_G = new LinkProfile("3g", 2_000_000, Duration.ofMillis(150));
    public static final LinkProfile FOUR_G = new LinkProfile("4g", 10_000_000, Duration.ofMillis(40));
    /** No shaping: only the faults. */
    public static final LinkProfile LOOPBACK = new LinkProfile("loopback", 0, Duration.ZERO);

    public static Optional<LinkProfile> preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "3g-poor" -> Optional.of(THREE_G_POOR);
            case "3g" -> Optional.of(THREE_G);
            case "4g" -> Optional.of(FOUR_G);
            case "loopback", "none" -> Optional.of(LOOPBACK);
            default -> Optional.empty();
        };
    }

    /** How long {@code bytes} take to cross at this bandwidth; zero when unshaped. */
    public long transmissionNanos(int bytes) {
        return bitsPerSecond <= 0 ? 0 : bytes * 8L * 1_000_000_000L / bitsPerSecond;
    }

    public Duration roundTrip() {
        return oneWayDelay.multipliedBy(2);
    }
}
