package org.accesscentre.testing.answers;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.catalogue.DateRule;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Rules;
import org.jspecify.annotations.Nullable;

/**
 * Dates within the question's rules, near what its topic suggests: an adult's or a child's birthday, an expiry
 * around now, the end of a period after its start.
 */
final class Dates {
    // The validator refuses dates outside these years.
    private static final LocalDate EARLIEST = LocalDate.of(1850, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    /** How the ids of a period's start and end questions are told apart: "term_start" and "term_end". */
    private static final String[][] PERIOD_ENDS = {
        {"_from", "_to"}, {"_start", "_end"}, {"from_", "to_"}, {"start_", "end_"}
    };

    private final Random random;
    private final LocalDate today;

    Dates(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    LocalDate date(Field field, FormSoFar form) {
        Rules rules = field.rules();
        LocalDate lo = EARLIEST;
        LocalDate hi = LATEST;
        if (rules.minDate() != null && rules.minDate().isAfter(lo)) {
            lo = rules.minDate();
        }
        if (rules.maxDate() != null && rules.maxDate().isBefore(hi)) {
            hi = rules.maxDate();
        }
        DateRule rule = rules.date();
        if (rule != null) {
            switch (rule) {
                case PAST -> hi = earlier(hi, today.minusDays(1));
                case PAST_OR_TODAY -> hi = earlier(hi, today);
                case FUTURE -> lo = later(lo, today.plusDays(1));
                case TODAY_OR_FUTURE -> lo = later(lo, today);
            }
        }
        LocalDate start = startOfPeriod(field, form);
        if (start != null && !start.isBefore(lo) && !start.isAfter(hi)) {
            lo = start;
        }
        if (lo.isAfter(hi)) {
            throw new IllegalStateException(
                    form.describe(field) + ": no date is allowed: its rules ask for a date from " + lo + " to " + hi
                            + " with today being " + today);
        }
        Topic t = form.topic(field);
        LocalDate wantFrom;
        LocalDate wantTo;
        if (t.about("birth", "born")) {
            boolean child = form.mentions("child");
            wantFrom = today.minusYears(child ? 17 : 80);
            wantTo = child ? today.minusDays(30) : today.minusYears(18);
        } else if (t.about("expir", "run out")) {
            wantFrom = today.minusYears(1);
            wantTo = today.plusMonths(6);
        } else if (start != null) {
            wantFrom = start;
            wantTo = today;
        } else if (endOfPeriod(field, form) != null) {
            wantFrom = today.minusYears(25);
            wantTo = today.minusYears(1);
        } else {
            wantFrom = today.minusDays(60);
            wantTo = today.plusDays(60);
        }
        LocalDate from = later(wantFrom, lo);
        LocalDate to = earlier(wantTo, hi);
        if (from.isAfter(to)) {
            // The rules and the topic do not overlap: keep to the rules, at the end nearest the topic.
            if (wantTo.isBefore(lo)) {
                from = lo;
                to = earlier(hi, lo.plusDays(60));
            } else {
                from = later(lo, hi.minusDays(60));
                to = hi;
            }
        }
        return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
    }

    /** For the end of a period ("period_to"), the answer to its start ("period_from"). */
    private static @Nullable LocalDate startOfPeriod(Field field, FormSoFar form) {
        for (String[] pair : PERIOD_ENDS) {
            String partner = partner(field.id(), pair[1], pair[0]);
            if (partner != null && form.answers().get(partner).orElse(null) instanceof Answer.Day d) {
                return d.value();
            }
        }
        return null;
    }

    /** For the start of a period, the id of the question that asks for its end. */
    private static @Nullable String endOfPeriod(Field field, FormSoFar form) {
        for (String[] pair : PERIOD_ENDS) {
            String partner = partner(field.id(), pair[0], pair[1]);
            if (partner != null && form.service().field(partner).isPresent()) {
                return partner;
            }
        }
        return null;
    }

    private static @Nullable String partner(String id, String mine, String theirs) {
        if (mine.startsWith("_") && id.endsWith(mine)) {
            return id.substring(0, id.length() - mine.length()) + theirs;
        }
        if (mine.endsWith("_") && id.startsWith(mine)) {
            return theirs + id.substring(mine.length());
        }
        return null;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
