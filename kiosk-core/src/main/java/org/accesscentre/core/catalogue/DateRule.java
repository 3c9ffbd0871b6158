package org.accesscentre.core.catalogue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** Where a date answer must fall relative to the day the form is filled in. */
public enum DateRule {
    PAST("past"),
    PAST_OR_TODAY("past_or_today"),
    FUTURE("future"),
    TODAY_OR_FUTURE("today_or_future");

    private final String jsonName;

    DateRule(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean allows(LocalDate date, LocalDate today) {
        return switch (this) {
            case PAST -> date.isBefore(today);
            case PAST_OR_TODAY -> !date.isAfter(today);
            case FUTURE -> date.isAfter(today);
            case TODAY_OR_FUTURE -> !date.isBefore(today);
        };
    }

    public static Optional<DateRule> fromJson(String name) {
        return Arrays.stream(values()).filter(r -> r.jsonName.equals(name)).findFirst();
    }
}
