package org.ctrace.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * An input file as the user named it: a path, or {@code -} for standard input. Bytes that
 * are not valid in the charset become U+FFFD, which the readers report with line and column
 * (a malformed-input exception could only name an approximate place).
 *
 * @param label the name shown in messages
 * @param path the file, or null for standard input
 * @param stdin standard input, used when path is null
 * @param charset the file's charset
 */
public record InputFile(String label, Path path, InputStream stdin, Charset charset) {

    /** The label used for standard input. */
    public static final String STDIN = "<stdin>";

    /** A file on disk. */
    public static InputFile of(Path path, Charset charset) {
        return new InputFile(path.toString(), path, null, charset);
    }

    /** Standard input. */
    public static InputFile stdin(InputStream in, Charset charset) {
        return new InputFile(STDIN, null, in, charset);
    }

    /**
     * Whether this is a regular file on disk, which can be read from bytes at any place and
     * read again: not standard input, and not a pipe named by a path (a shell's
     * {@code <(...)}, a FIFO), whose size reads as 0 and whose bytes come once.
     */
    public boolean isRegularFile() {
        return path != null && Files.isRegularFile(path);
    }

    /** Whether this is standard input. */
    public boolean isStdin() {
        return path == null;
    }

    /** The same file read in another charset. */
    public InputFile withPath(Path other) {
        return new InputFile(label, other, null, charset);
    }

    /** Opens the text for reading; fails with the file's name when it cannot be read. */
    public Reader open() {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            InputStream in = isStdin() ? stdin : Files.newInputStream(path);
            return new InputStreamReader(in, decoder);
        } catch (NoSuchFileException e) {
            throw new InputException(label + ": no such file");
        } catch (IOException e) {
            throw new InputException(label + ": cannot be read: " + e.getMessage());
        }
    }
}
