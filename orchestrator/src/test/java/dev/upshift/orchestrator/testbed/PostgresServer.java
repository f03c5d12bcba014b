package dev.upshift.orchestrator.testbed;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;


/**
 * A throwaway PostgreSQL server from a test bed image (never pulled: built by testbed/build-images.sh), 17 unless
 * told otherwise, reached on its container address and removed with its volumes when closed or when the JVM exits.
 */
public final class PostgresServer implements AutoCloseable {

    static final String IMAGE = "upshift-testbed/postgres:17";
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final String password;
    private final String host;
    private final String url;
    private final Thread removeOnExit;

    private PostgresServer(String name, String password, String host) {
        this.name = name;
        this.password = password;
        this.host = host;
        this.url = "jdbc:postgresql://" + host + ":5432/postgres";
        this.removeOnExit = new Thread(this::remove, "remove " + name);
        Runtime.getRuntime().addShutdownHook(removeOnExit);
    }

    public static PostgresServer start() {
        return start(IMAGE);
    }

    /** A server of this test bed image, started with these arguments ("-c", "max_prepared_transactions=5"). */
    public static PostgresServer start(String image, String... serverArguments) {
        if (!docker(QUICK, "image", "inspect", image).succeeded()) {
            throw new IllegalStateException("image " + image + " is missing; build it with testbed/build-images.sh");
        }
        String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        String name = "upshift-audit-pg-" + suffix;
        String password = "replay-" + suffix;
        List<String> run = new ArrayList<>(List.of("run", "-d", "--name", name, "-e", "POSTGRES_PASSWORD=" + password, image));
        run.addAll(List.of(serverArguments));
        docker(Duration.ofSeconds(60), run.toArray(String[]::new)).stdoutOrThrow();
        String ip = docker(QUICK, "inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", name)
                .stdoutOrThrow().strip();
        PostgresServer server = new PostgresServer(name, password, ip);
        server.awaitReady();
        return server;
    }

    public String host() {
        return host;
    }

    public String url() {
        return url;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return password;
    }

    /** Runs a command in the server's container, as {@code docker exec} would. */
    public ExternalCommand.Result exec(String... command) {
        String[] arguments = new String[command.length + 2];
        arguments[0] = "exec";
        arguments[1] = name;
        System.arraycopy(command, 0, arguments, 2, command.length);
        return docker(Duration.ofSeconds(60), arguments);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        remove();
    }

    /** The image's entrypoint runs a server for its init scripts first: only a TCP login proves the real one is up. */
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection connection = DriverManager.getConnection(url, user(), password)) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("PostgreSQL in " + name + " did not accept connections within "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private void remove() {
        docker(QUICK, "rm", "-fv", name);
    }

    private static ExternalCommand.Result docker(Duration timeout, String... arguments) {
        String[] command = new String[arguments.length + 1];
        command[0] = "docker";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        return ExternalCommand.of(timeout, command).run();
    }
}
