package dev.upshift.shell.e2e;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command run in a pseudo-terminal, as in an operator's terminal: {@code script} from util-linux gives it one.
 * The test types keys and reads what the terminal shows, with the escape sequences (colours, cursor moves) removed.
 */
final class ShellSession implements AutoCloseable {

    static final String TAB = "\t";
    static final String ENTER = "\r";
    /** The up arrow as a terminal sends it once JLine has switched the cursor keys to application mode. */
    static final String UP = "\u001BOA";

    private static final long TIMEOUT_SECONDS = 180;
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007]*\u0007|\u001B[=>]|[\b\r]");

    private final Process process;
    private final StringBuilder shown = new StringBuilder();
    private int read;

    private ShellSession(Process process) {
        this.process = process;
        Thread reader = new Thread(this::copyOutput, "terminal-of-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the command in a 200×50 xterm; the home is UPSHIFT_HOME. */
    static ShellSession start(List<String> command, Path home) {
        String quoted = command.stream().map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--flush", "--return", "--command",
                "stty cols 200 rows 50; exec " + quoted, "/dev/null").redirectErrorStream(true);
        builder.environment().put("UPSHIFT_HOME", home.toString());
        builder.environment().put("TERM", "xterm");
        try {
            return new ShellSession(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void type(String keys) {
        try {
            OutputStream keyboard = process.getOutputStream();
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal is gone:\n" + screen(), e);
        }
    }

    /**
     * Waits until the terminal shows the text, and returns what it showed since the last wait, up to the text.
     * The next wait reads on from after the text.
     */
    String awaitShown(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String screen = screen();
            int at = screen.indexOf(text, read);
            if (at >= 0) {
                String since = screen.substring(read, at);
                read = at + text.length();
                return since;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the terminal never showed '" + text + "'; it shows:\n" + screen());
    }

    /** Waits for the command to end (after {@code exit}) and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the shell did not end; the terminal shows:\n" + screen());
        }
        return process.exitValue();
    }

    /** Everything the terminal showed, without escape sequences. */
    String screen() {
        synchronized (shown) {
            return ESCAPES.matcher(shown).replaceAll("");
        }
    }

    /** A session a test left open (it failed) is ended with everything it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void copyOutput() {
        char[] buffer = new char[4096];
        try (Reader terminal = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            for (int n = terminal.read(buffer); n >= 0; n = terminal.read(buffer)) {
                synchronized (shown) {
                    shown.append(buffer, 0, n);
                }
            }
        } catch (IOException closed) {
            // the session ended
        }
    }
}
