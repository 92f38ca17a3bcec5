package dev.rover.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} that forwards UTF-8 text line by line to a picocli {@link PrintWriter}, for
 * library code (the benchmarks) that prints to a stream while the command line owns a writer.
 */
final class WriterStream extends OutputStream {

    private final PrintWriter writer;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private WriterStream(PrintWriter writer) {
        this.writer = writer;
    }

    /** A print stream whose every line appears on {@code writer}. */
    static PrintStream to(PrintWriter writer) {
        return new PrintStream(new WriterStream(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flush();
        }
    }

    @Override
    public synchronized void flush() {
        if (line.size() > 0) {
            writer.print(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
        writer.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
