package org.accesscentre.testing.link;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A rural link between a kiosk and the portal, in user space (this machine's kernel has no netem): a TCP
 * proxy that delays each direction, caps its bandwidth, counts the bytes that cross, and injects the faults
 * rural links have. Point the kiosk at {@link #port()} on loopback.
 *
 * <p>Faults apply to new connections: reset, stall, close once the request has arrived (the classic maker
 * of duplicates: the portal did the work, the kiosk never hears), slicing into tiny segments, and down
 * (connections refused, as when the link is out).
 */
public final class LinkEmulator implements AutoCloseable {
    public enum Fault {
        NONE,
        /** Refuse every connection, as a link that is down. */
        DOWN,
        /**
         * Let the request through, then reset the connection as the answer starts back. Over HTTP/1.1 the
         * answer is the server's first byte after the client's; over HTTP/2 (the client opens with the
         * connection preface) it is the first response HEADERS frame, not the SETTINGS both ends open
         * with. What the server sent before the answer still reaches the client, then the reset.
         */
        CLOSE_AFTER_REQUEST,
        /** Reset the connection as soon as the client sends anything. */
        RESET,
        /** Accept and then pass nothing either way, until the client gives up. */
        STALL,
        /** Pass everything, in segments of a few bytes. */
        SLICE
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicReference<LinkProfile> profile;
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
    private final AtomicInteger faultBudget = new AtomicInteger(-1);
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    private LinkEmulator(InetSocketAddress target, LinkProfile profile) throws IOException {
        this.target = target;
        this.profile = new AtomicReference<>(profile);
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    /** Starts a link to {@code host:port} with a profile such as {@link LinkProfile#THREE_G_POOR}. */
    public static LinkEmulator start(String host, int port, LinkProfile profile) throws IOException {
        return new LinkEmulator(new InetSocketAddress(host, port), profile);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public void profile(LinkProfile p) {
        profile.set(p);
    }

    /** Applies a fault to every new connection until cleared with {@link Fault#NONE}. */
    public void fault(Fault f) {
        fault.set(f);
        faultBudget.set(-1);
    }

    /** Applies a fault to the next {@code connections} connections only. */
    public void fault(Fault f, int connections) {
        faultBudget.set(connections);
        fault.set(f);
    }

    /** Bytes from the kiosk to the portal, as they crossed the link (TCP payload). */
    public long bytesUp() {
        return bytesUp.get();
    }

    /** Bytes from the portal to the kiosk. */
    public long bytesDown() {
        return bytesDown.get();
    }

    public long connections() {
        return connections.get();
    }

    public void resetCounters() {
        bytesUp.set(0);
        bytesDown.set(0);
        connections.set(0);
    }

    /** Breaks every open connection now, as when the link drops mid-transfer. */
    public void dropAll() {
        for (Socket s : open) {
            abort(s);
        }
    }

    private Fault nextFault() {
        Fault f = fault.get();
        if (f == Fault.NONE) {
            return f;
        }
        int budget = faultBudget.get();
        if (budget == 0) {
            return Fault.NONE;
        }
        if (budget > 0 && faultBudget.decrementAndGet() < 0) {
            return Fault.NONE;
        }
        return f;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                threads.submit(() -> handle(client, nextFault()));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void handle(Socket client, Fault f) {
        open.add(client);
        if (f == Fault.DOWN) {
            abort(client);
            return;
        }
        try (Socket upstream = new Socket()) {
            upstream.connect(target, 10_000);
            open.add(upstream);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            AnswerWatch watch = new AnswerWatch();
            var down = threads.submit(() -> pump(upstream, client, bytesDown, f, watch, false));
            pump(client, upstream, bytesUp, f, watch, true);
            down.get();
        } catch (Exception e) {
            // a failed connection is what a bad link does; the client sees it
            abort(client);
        } finally {
            closeQuietly(client);
            open.remove(client);
        }
    }

    /** Reads one direction, applies the fault, and hands the bytes to the shaped pipe. */
    private void pump(Socket from, Socket to, AtomicLong counter, Fault f, AnswerWatch watch, boolean upward) {
        DelayedPipe pipe = new DelayedPipe(profile, to, counter);
        var delivery = threads.submit(pipe::deliver);
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (f == Fault.RESET) {
                    abort(from);
                    abort(to);
                    return;
                }
                if (f == Fault.STALL || n == 0) {
                    continue; // a stalled link swallows everything: the client waits for its own timeout
                }
                int segment = f == Fault.SLICE ? 7 : Integer.MAX_VALUE;
                if (upward) {
                    watch.up(buf, 0, n); // before the server can see these bytes
                } else if (f == Fault.CLOSE_AFTER_REQUEST) {
                    int answer = watch.answerAt(buf, 0, n);
                    if (answer >= 0) {
                        // The portal has answered, so it did the work; the kiosk never hears.
                        abort(from);
                        pipe.send(buf, 0, answer, segment);
                        pipe.reset();
                        delivery.get();
                        return;
                    }
                }
                pipe.send(buf, 0, n, segment);
            }
            pipe.finish();
            delivery.get();
        } catch (IOException e) {
            abort(to);
        } catch (java.util.concurrent.ExecutionException e) {
            abort(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            delivery.cancel(true);
        }
    }

    /** An orderly close (FIN), so bytes still on their way are delivered. */
    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    static void abort(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0); // RST, not FIN: the peer learns at once
                s.close();
            }
        } catch (SocketException e) {
            // already gone
        } catch (IOException e) {
            // closing a broken socket: nothing more to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
        dropAll();
        threads.shutdownNow();
    }
}
