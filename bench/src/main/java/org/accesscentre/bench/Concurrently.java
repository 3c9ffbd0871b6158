package org.accesscentre.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs requests on a fixed pool of client threads, as many kiosks sending at once, and records each one's
 * latency and the wall time of the whole phase. Requests start in list order.
 */
final class Concurrently {
    /** One request; returns how many transactions it carried (1 for a request that carries none). */
    @FunctionalInterface
    interface Request {
        int send() throws Exception;
    }

    /**
     * What a phase did: each request's latency, the transactions carried, the phase's wall time, and the CPU
     * time this whole process used meanwhile (client and portal share it: they share the machine).
     */
    record Phase(Latencies latencies, long transactions, long wallNanos, long cpuNanos, long clientCpuNanos) {
        double transactionsPerSecond() {
            return transactions / (wallNanos / 1e9);
        }

        double requestsPerSecond() {
            return latencies.count() / (wallNanos / 1e9);
        }

        /** Cores kept busy on average: 2.0 on a two-core machine is saturated. */
        double coresBusy() {
            return (double) cpuNanos / wallNanos;
        }

        double cpuMicrosPerTransaction() {
            return cpuNanos / 1e3 / transactions;
        }

        /** The process's CPU time less the client's threads': the portal's share, JIT and GC included. */
        double portalCpuMicrosPerTransaction() {
            return (cpuNanos - clientCpuNanos) / 1e3 / transactions;
        }
    }

    static final String CLIENT_THREAD = "bench-client-";

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Concurrently() {}

    /**
     * CPU time so far of each thread that plays the kiosks: ours and the JDK HTTP client's. A phase counts
     * the threads alive at its end, from what each had used at its start (nothing, for a thread started
     * since); a client thread that ends within a phase takes its time with it, so the portal's share errs
     * high.
     */
    static Map<Long, Long> clientCpuNanos() {
        Map<Long, Long> byThread = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null
                    && (t.getThreadName().startsWith(CLIENT_THREAD)
                            || t.getThreadName().startsWith("HttpClient-"))) {
                byThread.put(t.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(t.getThreadId())));
            }
        }
        return byThread;
    }

    private static long since(Map<Long, Long> start, Map<Long, Long> end) {
        long total = 0;
        for (var e : end.entrySet()) {
            total += Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L));
        }
        return total;
    }

    static Phase run(int clients, List<Request> requests) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        long[] nanos = new long[requests.size()];
        List<Future<Integer>> done = new ArrayList<>(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, CLIENT_THREAD + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        Map<Long, Long> clientStart = clientCpuNanos();
        try {
            for (int i = 0; i < requests.size(); i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    int carried = requests.get(index).send();
                    nanos[index] = System.nanoTime() - t0;
                    return carried;
                }));
            }
            long transactions = 0;
            for (Future<Integer> f : done) {
                transactions += f.get();
            }
            long wall = System.nanoTime() - start;
            long cpu = PROCESS.getProcessCpuTime() - cpuStart;
            long client = since(clientStart, clientCpuNanos());
            Latencies latencies = new Latencies();
            for (long n : nanos) {
                latencies.add(n);
            }
            return new Phase(latencies, transactions, wall, cpu, client);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }
}
