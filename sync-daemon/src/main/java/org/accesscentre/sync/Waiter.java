package org.accesscentre.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Waits until a time by the clock, or until woken: a new submission, a sync-now, a shutdown. */
final class Waiter {
    /** Waits never exceed this, so a clock jump never leaves the daemon asleep for long. */
    private static final Duration LONGEST = Duration.ofSeconds(30);

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken;

    Waiter(Clock clock) {
        this.clock = clock;
    }

    void awaitUntil(Instant deadline) throws InterruptedException {
        lock.lock();
        try {
            Duration wait = Duration.between(clock.instant(), deadline);
            if (wait.compareTo(LONGEST) > 0) {
                wait = LONGEST;
            }
            if (!woken && !wait.isNegative() && !wait.isZero()) {
                changed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
