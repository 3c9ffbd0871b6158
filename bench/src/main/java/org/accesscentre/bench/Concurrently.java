package org.accesscentre.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
    record Phase(Latencies latencies, long transactions, long wallNanos, long cpuNanos) {
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
    }

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Concurrently() {}

    static Phase run(int clients, List<Request> requests) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        long[] nanos = new long[requests.size()];
        List<Future<Integer>> done = new ArrayList<>(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
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
            Latencies latencies = new Latencies();
            for (long n : nanos) {
                latencies.add(n);
            }
            return new Phase(latencies, transactions, wall, cpu);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdownNow();
        }
    }
}
