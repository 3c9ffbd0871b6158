package org.accesscentre.testing.link;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a link: bytes leave at the link's bandwidth, one after another, and arrive one delay
 * later. The reader side stamps each segment with its arrival time; the writer side delivers it then.
 */
final class DelayedPipe {
    /** About a TCP segment: pacing per segment keeps the shape smooth. */
    private static final int SEGMENT = 1460;

    private record Segment(byte[] bytes, long dueNanos) {}

    private static final Segment END = new Segment(new byte[0], 0);
    /** Marks a reset: a segment whose bytes are this array resets the far side at its time. */
    private static final byte[] RESET = new byte[0];

    private final AtomicReference<LinkProfile> profile;
    private final Socket to;
    private final AtomicLong counter;
    private final BlockingQueue<Segment> queue = new LinkedBlockingQueue<>();
    private long lastDeparture;

    DelayedPipe(AtomicReference<LinkProfile> profile, Socket to, AtomicLong counter) {
        this.profile = profile;
        this.to = to;
        this.counter = counter;
    }

    void send(byte[] data, int off, int len, int maxSegment) {
        LinkProfile p = profile.get();
        int segment = Math.min(SEGMENT, maxSegment);
        for (int at = off; at < off + len; at += segment) {
            int n = Math.min(segment, off + len - at);
            long now = System.nanoTime();
            lastDeparture = Math.max(now, lastDeparture) + p.transmissionNanos(n);
            byte[] copy = new byte[n];
            System.arraycopy(data, at, copy, 0, n);
            queue.add(new Segment(copy, lastDeparture + p.oneWayDelay().toNanos()));
        }
    }

    void finish() {
        queue.add(END);
    }

    /** Resets the far side once everything sent so far has been delivered, a delay after the last of it. */
    void reset() {
        long at = Math.max(System.nanoTime(), lastDeparture);
        queue.add(new Segment(RESET, at + profile.get().oneWayDelay().toNanos()));
    }

    /** Delivers segments at their time until the end, then half-closes the far side (or resets it). */
    void deliver() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Segment s = queue.take();
                if (s == END) {
                    to.shutdownOutput();
                    return;
                }
                long wait;
                while ((wait = s.dueNanos() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait); // emulating the wire's delay is this class's job
                }
                if (s.bytes() == RESET) {
                    LinkEmulator.abort(to);
                    return;
                }
                out.write(s.bytes());
                out.flush();
                counter.addAndGet(s.bytes().length);
            }
        } catch (IOException e) {
            // the far side went away; the connection is being torn down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
