package dev.upshift.audit.store;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The event store and token store in one JDBC database — an H2 file by default, PostgreSQL for
 * a store shared by several nodes — with every table created idempotently on start.
 */
@Configuration
public class StoreConfiguration {

    @Bean
    public StoreSchema storeSchema(@Value("${spring.datasource.url}") String url, DataSource dataSource,
                                   EventStorageEngine events, TokenStore tokens) {
        StoreKind kind = StoreKind.of(url);
        try {
            ((JdbcEventStorageEngine) events).createSchema(kind.eventTables());
            ((JdbcTokenStore) tokens).createSchema(kind.tokenTables());
            new ResourceDatabasePopulator(new ClassPathResource("db/projections.sql"),
                    new ClassPathResource("db/drive-claims.sql")).execute(dataSource);
            AddedColumns.addMissing(dataSource);
        } catch (SQLException | RuntimeException unavailable) {
            throw new StoreUnavailable(url, unavailable);
        }
        return new StoreSchema(kind);
    }

    /** Proof that the tables exist; what depends on the store depends on this. */
    public record StoreSchema(StoreKind kind) {
    }
}
