package dev.upshift.orchestrator.adapters.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Passes every byte on to a sink and hands each complete line, as UTF-8 without its line end, to a listener the
 * moment its newline arrives, however the stream cuts its frames.
 */
final class LineTee extends OutputStream {

    private final OutputStream sink;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineTee(OutputStream sink, Consumer<String> lines) {
        this.sink = sink;
        this.lines = lines;
    }

    @Override
    public void write(int b) throws IOException {
        sink.write(b);
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        sink.write(bytes, offset, length);
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    /** Hands on the last line when the stream ended without a newline. */
    void finish() {
        if (line.size() > 0) {
            endLine();
        }
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }
}
