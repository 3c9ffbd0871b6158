package org.accesscentre.sync.kill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.accesscentre.testing.ChildJvm;

/**
 * A child's standard output, line by line as it is written: a reader thread hands each line over, so the
 * test waits on the child's own progress, with a deadline, and never on a guess of how long it takes.
 */
final class ChildLines {
    /** What ended a wait. */
    enum Ending {
        /** As many lines as asked for arrived. */
        COUNTED,
        /** A line the caller was watching for arrived. */
        MATCHED,
        /** The child closed its output: it exited. */
        EXITED,
        /** Nothing for too long. */
        SILENT,
        /** The time asked for passed. */
        ELAPSED
    }

    private static final String END = ChildJvm.END;

    private final BlockingQueue<String> lines;
    private final List<String> seen = new ArrayList<>();
    private boolean ended;

    ChildLines(Process child) {
        lines = ChildJvm.lines(child);
    }

    /**
     * Waits for {@code count} more lines, or a line that {@code watch} matches, whichever comes first; gives
     * up when the child is silent for {@code silence}.
     */
    Ending await(int count, Predicate<String> watch, Duration silence) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            if (ended) {
                return Ending.EXITED;
            }
            String line = lines.poll(silence.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return Ending.SILENT;
            }
            if (line == END) {
                ended = true;
                return Ending.EXITED;
            }
            seen.add(line);
            if (watch.test(line)) {
                return Ending.MATCHED;
            }
        }
        return Ending.COUNTED;
    }

    /**
     * Reads whatever the child writes for {@code window}: the kill test's random moment, measured on the
     * clock because a kill must be able to land between two lines, while a batch is on the wire.
     */
    Ending readFor(Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        while (!ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Ending.ELAPSED;
            }
            String line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == END) {
                ended = true;
            } else if (line != null) {
                seen.add(line);
            }
        }
        return Ending.EXITED;
    }

    /** Every line read so far. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    /** The last few lines, for a failure message. */
    String tail(int n) {
        return String.join("\n", seen.subList(Math.max(0, seen.size() - n), seen.size()));
    }
}
