package dev.upshift.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Benchmark fixture, not a test: the raw read rate of the event table. One pass over every row of
 * domainevententry in global order, reading the columns Axon's JDBC engine reads (payload and metadata as bytes),
 * deserialising nothing. Only the pass is timed: JVM start, driver loading and the connection are not.
 *
 * <p>{@code java -cp ... dev.upshift.bench.RawEventRead STORE_URL} prints {@code events seconds}.
 */
public final class RawEventRead {

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], System.getProperty("user", ""), System.getProperty("password", ""))) {
            long started = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet row = statement.executeQuery("SELECT globalIndex, eventIdentifier, aggregateIdentifier, "
                        + "sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData "
                        + "FROM DomainEventEntry ORDER BY globalIndex")) {
                    while (row.next()) {
                        rows++;
                        bytes += row.getLong(1) + row.getString(2).length() + row.getString(3).length()
                                + row.getLong(4) + row.getString(7).length();
                        bytes += row.getString(6).length();
                        bytes += row.getBytes(9).length + row.getBytes(10).length;
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%d %.3f %d%n", rows, seconds, bytes);
        }
    }
}
