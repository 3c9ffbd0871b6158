package org.accesscentre.app.desk;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Amounts at the desk: typed as "25", "25.5" or "25.00", kept in cents, shown as "EC$ 25.00". */
public final class Money {
    private static final long MAX_CENTS = 100_000_000L;

    private Money() {}

    /** The cents in what the attendant typed; empty for anything that is not a positive amount of at most 2 decimals. */
    public static Optional<Long> parseCents(String typed) {
        String t = typed.strip().replace(",", ".");
        if (t.startsWith("EC$")) {
            t = t.substring(3).strip();
        }
        if (!t.matches("[0-9]{1,7}(\\.[0-9]{1,2})?")) {
            return Optional.empty();
        }
        long cents = new BigDecimal(t).movePointRight(2).longValueExact();
        return cents > 0 && cents <= MAX_CENTS ? Optional.of(cents) : Optional.empty();
    }

    public static String format(long cents) {
        return "EC$ " + plain(cents);
    }

    /** The amount alone, as the field is pre-filled: "25.00", or "-0.50" for a shortfall. */
    public static String plain(long cents) {
        long a = Math.abs(cents);
        return String.format(Locale.ROOT, "%s%d.%02d", cents < 0 ? "-" : "", a / 100, a % 100);
    }
}
