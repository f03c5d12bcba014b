package dev.upshift.audit.store;

import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/** The two databases the store may live in, each with the DDL that creates Axon's tables idempotently. */
public enum StoreKind {
    H2 {
        @Override
        EventTableFactory eventTables() {
            return new H2EventTableFactory();
        }

        @Override
        TokenTableFactory tokenTables() {
            return GenericTokenTableFactory.INSTANCE;
        }
    },
    POSTGRESQL {
        @Override
        EventTableFactory eventTables() {
            return PostgresEventTableFactory.INSTANCE;
        }

        @Override
        TokenTableFactory tokenTables() {
            return PostgresTokenTableFactory.INSTANCE;
        }
    };

    abstract EventTableFactory eventTables();

    abstract TokenTableFactory tokenTables();

    static StoreKind of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new InvalidStoreUrl("the store " + StoreUrl.masked(jdbcUrl) + " is neither H2 nor PostgreSQL: give "
                + "jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DATABASE?user=…");
    }
}
