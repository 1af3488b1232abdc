package jp.kyodo.search;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds of the index that an administrator starts: one at a time, in the background, with their progress for the
 * admin page. Events indexed meanwhile are not lost: {@link SearchIndex} holds them back while a type is replaced.
 */
@Component
class SearchRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchRebuilds.class);

    /**
     * Where the last rebuild stands.
     *
     * @param types     the types being (or that were) rebuilt, in order
     * @param done      how many of them are finished
     * @param current   the type being rebuilt now, or {@code null}
     * @param documents documents read from the sources so far
     * @param failed    the type whose rebuild failed, or {@code null}
     */
    record Progress(boolean running, List<String> types, int done, String current, long documents, Instant startedAt,
                    Instant finishedAt, String failed) {

        static final Progress NONE = new Progress(false, List.of(), 0, null, 0, null, null, null);

        /** Percent done, for the progress bar's text. */
        public int percent() {
            return types.isEmpty() ? 0 : done * 100 / types.size();
        }
    }

    private final SearchIndex index;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Progress progress = Progress.NONE;
    private final AtomicLong documents = new AtomicLong();

    SearchRebuilds(SearchIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** The progress of the running rebuild, or of the last one. */
    Progress progress() {
        Progress p = progress;
        return p.running() ? new Progress(true, p.types(), p.done(), p.current(), documents.get(), p.startedAt(), null, null) : p;
    }

    /**
     * Starts rebuilding the types in the background.
     *
     * @return {@code false} when a rebuild is already running (nothing is started)
     * @throws IllegalArgumentException when a type has no source
     */
    synchronized boolean start(List<String> types) {
        if (progress.running()) {
            return false;
        }
        List<String> sources = index.sourceTypes();
        for (String type : types) {
            if (!sources.contains(type)) {
                throw new IllegalArgumentException("No search source provides the type " + type);
            }
        }
        List<String> todo = List.copyOf(types);
        documents.set(0);
        Instant started = clock.instant();
        progress = new Progress(true, todo, 0, todo.isEmpty() ? null : todo.getFirst(), 0, started, null, null);
        worker.execute(() -> run(todo, started));
        return true;
    }

    private void run(List<String> types, Instant started) {
        int done = 0;
        for (String type : types) {
            progress = new Progress(true, types, done, type, documents.get(), started, null, null);
            try {
                index.rebuild(type, documents::incrementAndGet);
            } catch (RuntimeException e) {
                log.error("Search index: the rebuild of type {} failed", type, e);
                progress = new Progress(false, types, done, null, documents.get(), started, clock.instant(), type);
                return;
            }
            done++;
        }
        log.info("Search index: {} rebuilt with {} documents", types, documents.get());
        progress = new Progress(false, types, done, null, documents.get(), started, clock.instant(), null);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
