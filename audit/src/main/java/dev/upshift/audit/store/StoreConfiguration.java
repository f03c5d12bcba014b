package dev.upshift.audit.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import dev.upshift.audit.integrity.ChainedEventStorageEngine;
import dev.upshift.orchestrator.time.Poll;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
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

    private static final int SCHEMA_ATTEMPTS = 3;
    private static final Duration SCHEMA_RETRY = Duration.ofMillis(300);

    /**
     * Axon's JDBC engine, as its auto-configuration builds it, chaining each event's digest to the one before it.
     * The default table and column names: the digest chain reads them by those names.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration axon,
                                                 ConnectionProvider connections, TransactionManager transactions) {
        return new ChainedEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema()), transactions);
    }

    /**
     * Creates what is missing. Two processes starting at once on a new PostgreSQL store (two nodes) may create the
     * same table together, and PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} then fails in one of them (a
     * duplicate key in {@code pg_type}): that one tries again, and finds the tables. A role that may only read creates
     * nothing (PostgreSQL refuses even a {@code CREATE TABLE IF NOT EXISTS} of a table that exists), and may run only
     * the commands that do not write ({@code upshift.store.writes} is false: the launcher knows them).
     */
    @Bean
    public StoreSchema storeSchema(@Value("${spring.datasource.url}") String url, DataSource dataSource,
                                   EventStorageEngine events, TokenStore tokens,
                                   @Value("${upshift.store.writes:true}") boolean commandWrites) {
        StoreKind kind = StoreKind.of(url);
        StoreSchema schema = new StoreSchema(kind, prepared(url, kind, dataSource, events, tokens));
        if (commandWrites) {
            schema.requireWriteAccess();
        }
        return schema;
    }

    private static Optional<String> prepared(String url, StoreKind kind, DataSource dataSource,
                                             EventStorageEngine events, TokenStore tokens) {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<String> readOnlyRole = ReadOnlyRole.of(kind, dataSource);
                if (readOnlyRole.isEmpty()) {
                    ((JdbcEventStorageEngine) events).createSchema(kind.eventTables());
                    ((JdbcTokenStore) tokens).createSchema(kind.tokenTables());
                    new ResourceDatabasePopulator(new ClassPathResource("db/projections.sql"),
                            new ClassPathResource("db/drive-claims.sql"), new ClassPathResource("db/event-digest.sql"),
                            new ClassPathResource("db/scheduled-tasks.sql"))
                            .execute(dataSource);
                    AddedColumns.addMissing(dataSource);
                }
                return readOnlyRole;
            } catch (SQLException | RuntimeException unavailable) {
                if (attempt == SCHEMA_ATTEMPTS) {
                    throw new StoreUnavailable(url, unavailable);
                }
                // not Poll's loop: bounded by attempts, each retried later than the last
                Poll.pause(SCHEMA_RETRY.multipliedBy(attempt), interrupted -> new IllegalStateException(
                        "interrupted while creating the store's tables", interrupted));
            }
        }
    }

    /** Proof that the tables exist; what depends on the store depends on this. Its role may only read when named. */
    public record StoreSchema(StoreKind kind, Optional<String> readOnlyRole) {

        public StoreSchema(StoreKind kind) {
            this(kind, Optional.empty());
        }

        /** Throws the one line an operator reads when this process may not write to the store. */
        public void requireWriteAccess() {
            readOnlyRole.ifPresent(role -> {
                throw new ReadOnlyStore(role);
            });
        }
    }
}
