package org.ctrace.io;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/** Reading and writing handed to threads of their own, and their results taken back. */
final class Background {

    private Background() {
    }

    /** Daemon threads of this name: a run that stops on an error does not wait for them. */
    static ThreadFactory threads(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Renders pieces {@code 0..pieces} on all cores, a window at a time ({@code windowEnd}
     * gives the end of the window that starts at a piece), and hands each window's results,
     * in order, to one writing thread while the next window is rendered: at most two windows
     * are in memory, the one written and the one rendered. Returns once everything is
     * written; a failure of either side is thrown, the writer's told too when both failed.
     */
    static <R> void inWindows(int pieces, IntUnaryOperator windowEnd, IntFunction<R> render, Consumer<List<R>> write) {
        ExecutorService writer = Executors.newSingleThreadExecutor(threads("ctrace-writer"));
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        try {
            for (int first = 0; first < pieces; ) {
                int end = windowEnd.applyAsInt(first);
                List<R> rendered = IntStream.range(first, end).parallel().mapToObj(render).toList();
                join(writing);
                writing = CompletableFuture.runAsync(() -> write.accept(rendered), writer);
                first = end;
            }
            join(writing);
        } catch (RuntimeException | Error e) {
            // the stream is the caller's again only once nothing writes to it; a write that failed
            // meanwhile (a full disk) is told too
            Throwable writeFailure = failure(writing);
            if (writeFailure != null && writeFailure != e) {
                e.addSuppressed(writeFailure);
            }
            throw e;
        } finally {
            writer.shutdown();
        }
    }

    /** What failed the work, as {@link #join} would throw it, once the work is over; null when it did not fail. */
    static Throwable failure(CompletableFuture<?> work) {
        Throwable failure = work.handle((done, thrown) -> thrown).join();
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * The work's result; what failed it is thrown as if the work had been done on this thread
     * (with this thread's stack added to it, for {@code --verbose}).
     */
    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException || cause instanceof Error) {
                cause.addSuppressed(new Exception("waited for on thread " + Thread.currentThread().getName()));
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
