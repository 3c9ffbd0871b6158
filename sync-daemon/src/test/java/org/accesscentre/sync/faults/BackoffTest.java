package org.accesscentre.sync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.accesscentre.sync.net.Backoff;
import org.junit.jupiter.api.Test;

/** Full jitter: a wait anywhere from zero to min(cap, base * 2^n), and the cap reached. */
class BackoffTest {
    /** A generator that always draws the largest value it may, or the smallest. */
    private record Extreme(boolean highest) implements RandomGenerator {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws are expected");
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }

    private static Duration expectedCeiling(int failures) {
        long millis = Math.min(Backoff.CAP.toMillis(), Backoff.BASE.toMillis() * (1L << failures));
        return Duration.ofMillis(millis);
    }

    @Test
    void theCeilingDoublesFromTheBaseUntilTheCap() {
        Backoff backoff = new Backoff(new SplittableRandom(1));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(4), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(8), backoff.ceiling(2));
        for (int n = 0; n <= 20; n++) {
            assertEquals(expectedCeiling(n), backoff.ceiling(n), "failures " + n);
        }
        assertEquals(Duration.ofSeconds(512), backoff.ceiling(8));
        assertEquals(Backoff.CAP, backoff.ceiling(9)); // 1,024 s would pass the 15 minutes
    }

    @Test
    void theCapHoldsForAnyNumberOfFailuresWithoutOverflow() {
        Backoff backoff = new Backoff(new Extreme(true));
        for (int n : new int[] {9, 30, 31, 62, 63, 64, 1_000, Integer.MAX_VALUE}) {
            assertEquals(Backoff.CAP, backoff.ceiling(n), "failures " + n);
            assertEquals(Backoff.CAP, backoff.delay(n), "failures " + n);
        }
        assertEquals(Backoff.BASE, backoff.ceiling(-3));
    }

    @Test
    void theWaitReachesBothEndsOfTheRangeInclusive() {
        Backoff highest = new Backoff(new Extreme(true));
        Backoff lowest = new Backoff(new Extreme(false));
        for (int n = 0; n <= 12; n++) {
            assertEquals(expectedCeiling(n), highest.delay(n), "failures " + n);
            assertEquals(Duration.ZERO, lowest.delay(n), "failures " + n);
        }
    }

    @Test
    void jitteredWaitsStayInRangeAndSpreadOverAllOfIt() {
        Backoff backoff = new Backoff(new SplittableRandom(42));
        for (int n = 0; n <= 14; n++) {
            Duration ceiling = expectedCeiling(n);
            long min = Long.MAX_VALUE;
            long max = 0;
            long[] quarters = new long[4];
            int draws = 4_000;
            for (int i = 0; i < draws; i++) {
                long d = backoff.delay(n).toMillis();
                assertTrue(d >= 0 && d <= ceiling.toMillis(), "failures " + n + ": " + d + " ms");
                min = Math.min(min, d);
                max = Math.max(max, d);
                quarters[(int) Math.min(3, d * 4 / (ceiling.toMillis() + 1))]++;
            }
            // Full jitter, not "half the ceiling plus jitter": the low end is used as much as the high end.
            assertTrue(min < ceiling.toMillis() / 50, "failures " + n + ": never waited less than " + min);
            assertTrue(max > ceiling.toMillis() * 49 / 50, "failures " + n + ": never waited more than " + max);
            for (long q : quarters) {
                assertTrue(
                        q > draws / 4 * 8 / 10,
                        "failures " + n + ": uneven spread " + java.util.Arrays.toString(quarters));
            }
        }
    }

    @Test
    void aSmallerBaseAndCapAreKept() {
        Backoff backoff = new Backoff(new Extreme(true), Duration.ofMillis(100), Duration.ofSeconds(1));
        assertEquals(Duration.ofMillis(100), backoff.delay(0));
        assertEquals(Duration.ofMillis(800), backoff.delay(3));
        assertEquals(Duration.ofSeconds(1), backoff.delay(4));
    }
}
