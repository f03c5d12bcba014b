package dev.upshift.audit.replay;

import java.util.UUID;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A private in-memory H2 database with the read models' tables, for one replay: the real store is never written,
 * and the database disappears when closed.
 */
final class ScratchStore implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;

    private ScratchStore(SingleConnectionDataSource dataSource) {
        this.dataSource = dataSource;
    }

    static ScratchStore open() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:upshift-replay-" + UUID.randomUUID(), "sa", "", true);
        new ResourceDatabasePopulator(new ClassPathResource("db/projections.sql")).execute(dataSource);
        return new ScratchStore(dataSource);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** Closing the only connection drops the in-memory database. */
    @Override
    public void close() {
        dataSource.destroy();
    }
}
