package org.accesscentre.device.config;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When the centre is open, per day of the week. Days that are not listed are closed.
 *
 * @param restricted false when the configuration gives no hours at all: then the kiosk never closes by
 *     itself, and the centre opens and closes it
 * @param days the hours of each open day
 */
public record OpeningHours(boolean restricted, Map<DayOfWeek, Hours> days) {
    public OpeningHours {
        days = days.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(days));
    }

    /** No schedule: the kiosk is open whenever it runs. */
    public static OpeningHours unrestricted() {
        return new OpeningHours(false, Map.of());
    }

    public Optional<Hours> on(DayOfWeek day) {
        return Optional.ofNullable(days.get(day));
    }

    /** Whether the centre is open at a local date and time (opening time included, closing time not). */
    public boolean isOpenAt(LocalDateTime when) {
        if (!restricted) {
            return true;
        }
        Hours hours = days.get(when.getDayOfWeek());
        return hours != null && hours.contains(when.toLocalTime());
    }

    /** One day's hours; the centre closes on the same day it opens. */
    public record Hours(LocalTime open, LocalTime close) {
        public Hours {
            if (!open.isBefore(close)) {
                throw new IllegalArgumentException("opening time " + open + " is not before closing time " + close);
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(open) && time.isBefore(close);
        }
    }
}
