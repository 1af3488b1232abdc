package jp.kyodo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Public pages under load: a fixed number of kept-alive connections, each sending its next request as soon as the last
 * answered, for a fixed time; every answer must be 200.
 */
final class PageBench {

    /** The result of one page at one number of connections. */
    record Run(String path, int connections, long requests, long errors, long wallNanos, Latencies latencies, String firstError) {

        double perSecond() {
            return Latencies.perSecond(requests, wallNanos);
        }
    }

    private final String host;
    private final int port;

    PageBench(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Run run(String path, int connections, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        List<Latencies> perWorker = new ArrayList<>();
        try {
            long start = System.nanoTime();
            long deadline = start + millis * 1_000_000L;
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < connections; w++) {
                Latencies mine = new Latencies();
                perWorker.add(mine);
                workers.add(pool.submit(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(host, port)) {
                        while (System.nanoTime() < deadline) {
                            long t0 = System.nanoTime();
                            String error = null;
                            try {
                                KeepAliveConnection.Response r = connection.get(path);
                                if (r.status() != 200) {
                                    error = "HTTP " + r.status();
                                }
                            } catch (Exception e) {
                                error = e.toString();
                            }
                            mine.add(System.nanoTime() - t0);
                            if (error != null) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError.isEmpty()) {
                                        firstError.add(error);
                                    }
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long wall = System.nanoTime() - start;
            Latencies all = new Latencies();
            perWorker.forEach(all::addAll);
            return new Run(path, connections, all.count(), errors.get(), wall, all, firstError.isEmpty() ? null : firstError.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }
}
