package org.ctrace.io;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;

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
