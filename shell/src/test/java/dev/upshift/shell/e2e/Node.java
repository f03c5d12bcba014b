package dev.upshift.shell.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** An {@code upshift serve} process, its own home (log) and port. */
record Node(Upshift upshift, Process process, int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Node start(Path home, String store, int port) throws IOException {
        Files.createDirectories(home);
        Upshift upshift = new Upshift(home, store);
        return new Node(upshift, upshift.start("serve", "--port", Integer.toString(port)).process(), port);
    }

    void awaitHealthy() {
        try {
            Upshift.awaitWorld("node on " + port + " healthy", () -> get("/actuator/health").contains("\"UP\""));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Whether this node has run the step ("running step 3.2 of …" in its log). */
    boolean ran(String step) {
        return log().contains("running step " + step + " of");
    }

    Instant firstRun() {
        return log().lines().filter(line -> line.contains("running step")).findFirst()
                .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                .orElseThrow();
    }

    String metrics() {
        return get("/actuator/prometheus");
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private String log() {
        try {
            Path log = upshift.home().resolve("upshift.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException notYet) {
            return "";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
