package org.ctrace.io;

/** Told how far a pass over a large input has come, to show progress. */
@FunctionalInterface
public interface ReadProgress {

    /** Nothing shown. */
    ReadProgress NONE = (file, pass, done, total) -> { };

    /**
     * @param file the input as the user named it
     * @param pass the pass over it, from 1
     * @param done bytes read so far in this pass
     * @param total bytes in all
     */
    void read(String file, int pass, long done, long total);

    /**
     * The pass is over, whether or not it read to the end (a bad row can stop it part way):
     * whatever is drawn in place must give way to what is printed next.
     */
    default void stopped() {
    }
}
