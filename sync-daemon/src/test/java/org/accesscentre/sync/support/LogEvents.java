package org.accesscentre.sync.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The daemon's own log lines as events a test can wait for: "the portal answered a batch" happens on the
 * daemon's thread, and the test thread wakes on it, without guessing how long it takes.
 */
public final class LogEvents implements AutoCloseable {
    private final Logger logger;
    private final Predicate<String> matching;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (matching.test(event.getFormattedMessage())) {
                lock.lock();
                try {
                    count++;
                    arrived.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    };
    private final Level before;
    private int count;

    private LogEvents(Class<?> source, Predicate<String> matching) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.matching = matching;
        this.before = logger.getLevel();
        if (!logger.isInfoEnabled()) {
            logger.setLevel(Level.INFO);
        }
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Listens to {@code source}'s lines that {@code matching} accepts. */
    public static LogEvents of(Class<?> source, Predicate<String> matching) {
        return new LogEvents(source, matching);
    }

    /** Waits until {@code n} such lines were logged in all; false if {@code timeout} passed first. */
    public boolean await(int n, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (count < n) {
                if (left <= 0) {
                    return false;
                }
                left = arrived.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(before);
    }
}
