package dev.upshift.audit.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One process of {@link SharedH2StoreHandoverTest}: an Upshift process in miniature. It opens the store URL through
 * a Hikari pool, as Upshift does, and commits from a few threads — per transaction one row with a BLOB, as an event,
 * and its token row updated, as Axon's token store does — until its stop file appears
 * or it is signalled; every commit the driver acknowledged is appended to its acknowledgement file at once (an
 * unbuffered write: the OS keeps it even if the process is killed). On SIGTERM it does what Upshift's shutdown does:
 * its own hook goes on writing for a moment (Axon's processors release their token claims, a saga is stored) while
 * H2's hook closes the database, then it closes the pool.
 *
 * <p>Arguments: JDBC URL, writer name, acknowledgement file, stop file.
 */
public final class StoreWriterProcess {

    private static final int THREADS = 3;
    /** Whether the pool is configured as Upshift's ({@code spring.datasource.hikari.exception-override-class-name}). */
    private static final boolean AS_UPSHIFT = Boolean.parseBoolean(System.getProperty("asUpshift", "true"));
    private static final long SHUTDOWN_WRITES_MILLIS = Long.getLong("shutdownWrites", 1500);

    private final String name;
    private final FileOutputStream acks;
    private final HikariDataSource pool;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private StoreWriterProcess(String url, String name, Path ackFile) throws IOException {
        this.name = name;
        this.acks = new FileOutputStream(ackFile.toFile(), true);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(THREADS + 1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(60_000);
        config.setInitializationFailTimeout(60_000);
        if (AS_UPSHIFT) {
            config.setExceptionOverrideClassName(H2BrokenConnections.class.getName());
        }
        this.pool = new HikariDataSource(config);
    }

    public static void main(String[] args) throws Exception {
        StoreWriterProcess process = new StoreWriterProcess(args[0], args[1], Path.of(args[2]));
        Path stopFile = Path.of(args[3]);
        process.createTable();
        Runtime.getRuntime().addShutdownHook(new Thread(process::shutDown, "writer-shutdown"));
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            threads[i] = new Thread(() -> process.commitUntil(() -> process.stopping.get() || Files.exists(stopFile)),
                    "writer-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (process.stopping.compareAndSet(false, true)) {
            process.pool.close();
            System.exit(0);
        }
    }

    private void createTable() throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute(
                        "CREATE TABLE IF NOT EXISTS acks (writer VARCHAR(40) NOT NULL, seq BIGINT NOT NULL, "
                                + "payload BLOB, PRIMARY KEY (writer, seq))");
                connection.createStatement().execute(
                        "CREATE TABLE IF NOT EXISTS tokens (processor VARCHAR(40) NOT NULL, segment INT NOT NULL, "
                                + "token BIGINT, PRIMARY KEY (processor, segment))");
                return;
            } catch (SQLException e) {
                if (attempt > 50) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    private void commitUntil(BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            commitOne(name);
        }
    }

    private void commitOne(String writer) {
        long seq = sequence.incrementAndGet();
        Connection connection = null;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO acks (writer, seq, payload) VALUES (?, ?, ?)")) {
                insert.setString(1, writer);
                insert.setLong(2, seq);
                byte[] payload = new byte[200 + ThreadLocalRandom.current().nextInt(3000)];
                ThreadLocalRandom.current().nextBytes(payload);
                insert.setBytes(3, payload);
                insert.executeUpdate();
            }
            // as Axon's token store and the read models do: the same rows updated by every commit
            try (PreparedStatement token = connection.prepareStatement(
                    "MERGE INTO tokens (processor, segment, token) KEY (processor, segment) VALUES (?, 0, ?)")) {
                token.setString(1, writer.replace("-hook", ""));
                token.setLong(2, seq);
                token.executeUpdate();
            }
            connection.commit();
            acknowledge(writer, seq);
        } catch (SQLException | RuntimeException e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            int count = failures.merge(message, 1, Integer::sum);
            if (Integer.bitCount(count) == 1) {
                System.out.println(Instant.now() + " " + Thread.currentThread().getName() + " #" + count + " "
                        + message);
                if (count == 1 && Boolean.getBoolean("stacks")) {
                    e.printStackTrace(System.out);
                }
            }
            sleep(20);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException | RuntimeException ignored) {
                    // a broken connection
                }
            }
        }
    }

    private synchronized void acknowledge(String writer, long seq) {
        try {
            acks.write((writer + " " + seq + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Upshift's own shutdown does while H2's hook closes the database: a few more writes, then the pool. */
    private void shutDown() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        long end = System.currentTimeMillis() + SHUTDOWN_WRITES_MILLIS;
        while (System.currentTimeMillis() < end) {
            commitOne(name + "-hook");
            sleep(50);
        }
        pool.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
