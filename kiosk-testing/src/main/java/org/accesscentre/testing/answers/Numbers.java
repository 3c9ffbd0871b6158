package org.accesscentre.testing.answers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Rules;
import org.jspecify.annotations.Nullable;

/**
 * Numbers and amounts of money within the question's range, near what its topic suggests: a recent year, a
 * household of a few people, a monthly income in East Caribbean dollars, mostly in round figures.
 */
final class Numbers {
    private final Random random;
    private final LocalDate today;

    Numbers(Random random, LocalDate today) {
        this.random = random;
        this.today = today;
    }

    BigDecimal number(Field field, FormSoFar form) {
        Topic t = form.topic(field);
        Rules rules = field.rules();
        BigDecimal lo = rules.min();
        BigDecimal hi = rules.max();
        long preferredLo;
        long preferredHi;
        if (t.about("year")) {
            preferredLo = today.getYear() - 3L;
            preferredHi = today.getYear();
        } else if (t.about("how many", "household", "people", "children", "partners", "count")) {
            preferredLo = lo == null ? 1 : lo.setScale(0, RoundingMode.CEILING).longValue();
            preferredHi = preferredLo + 5;
            if (t.about("children", "child")) {
                BigDecimal household = form.earlierNumber("household", "people");
                if (household != null) {
                    // the applicant is one of the household
                    preferredHi = Math.max(preferredLo, household.longValue() - 1);
                }
            }
        } else {
            preferredLo = 1;
            preferredHi = 50;
        }
        BigDecimal from = max(lo, BigDecimal.valueOf(preferredLo));
        BigDecimal to = min(hi, BigDecimal.valueOf(preferredHi));
        Optional<BigDecimal> preferred = wholeNumberIn(from, to);
        if (preferred.isPresent()) {
            return preferred.get();
        }
        // The rules leave nothing near the preferred numbers: stay as close to them as the rules allow.
        BigDecimal anyFrom = lo != null ? lo : hi.subtract(BigDecimal.valueOf(100));
        BigDecimal anyTo = hi != null ? hi : lo.add(BigDecimal.valueOf(100));
        BigDecimal near = BigDecimal.valueOf(preferredLo).max(anyFrom).min(anyTo);
        return wholeNumberIn(near, near.add(BigDecimal.TEN).min(anyTo))
                .or(() -> wholeNumberIn(near.subtract(BigDecimal.TEN).max(anyFrom), near))
                .orElse(anyFrom);
    }

    BigDecimal money(Field field, FormSoFar form) {
        Topic t = form.topic(field);
        Rules rules = field.rules();
        BigDecimal lo = rules.min() == null ? BigDecimal.ZERO : rules.min().max(BigDecimal.ZERO);
        BigDecimal hi = rules.max() == null ? lo.add(BigDecimal.valueOf(5_000)) : rules.max();
        BigDecimal from;
        BigDecimal to;
        if (t.about("income", "salary", "wage", "earn")) {
            // some who ask for public assistance have no income at all
            if (lo.signum() == 0 && random.nextInt(10) == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            from = BigDecimal.valueOf(150);
            to = BigDecimal.valueOf(3_200);
        } else if (t.about("amount", "pay", "tax", "fee")) {
            from = BigDecimal.valueOf(80);
            to = BigDecimal.valueOf(2_500);
        } else {
            from = BigDecimal.valueOf(10);
            to = BigDecimal.valueOf(1_500);
        }
        from = from.max(lo);
        to = to.min(hi);
        if (from.compareTo(to) > 0) {
            from = lo;
            to = hi;
        }
        long firstCent =
                from.movePointRight(2).setScale(0, RoundingMode.CEILING).longValueExact();
        long lastCent = to.movePointRight(2).setScale(0, RoundingMode.FLOOR).longValueExact();
        long cents = firstCent + random.nextLong(lastCent - firstCent + 1);
        // People mostly give round figures: whole dollars, or multiples of five.
        if (random.nextInt(10) < 7) {
            long whole = Math.round(cents / 100.0) * 100;
            long roundFive = Math.round(cents / 500.0) * 500;
            long rounded = random.nextBoolean() ? roundFive : whole;
            if (rounded >= firstCent && rounded <= lastCent) {
                cents = rounded;
            }
        }
        return BigDecimal.valueOf(cents, 2);
    }

    private Optional<BigDecimal> wholeNumberIn(BigDecimal from, BigDecimal to) {
        BigDecimal first = from.setScale(0, RoundingMode.CEILING);
        BigDecimal last = to.setScale(0, RoundingMode.FLOOR);
        if (first.compareTo(last) > 0) {
            return Optional.empty();
        }
        long span = last.subtract(first).min(BigDecimal.valueOf(1_000_000)).longValueExact();
        return Optional.of(first.add(BigDecimal.valueOf(random.nextLong(span + 1))));
    }

    private static BigDecimal max(@Nullable BigDecimal a, BigDecimal b) {
        return a == null ? b : a.max(b);
    }

    private static BigDecimal min(@Nullable BigDecimal a, BigDecimal b) {
        return a == null ? b : a.min(b);
    }
}
