package dev.upshift.audit.integrity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC storage engine, which also chains every event it stores to the one before it of the same upgrade
 * ({@link DigestChain}), in the same transaction: an event is never stored without its digest, nor the reverse.
 */
public class ChainedEventStorageEngine extends JdbcEventStorageEngine {

    private final TransactionManager transactions;

    public ChainedEventStorageEngine(Builder builder, TransactionManager transactions) {
        super(builder);
        this.transactions = transactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            chain(events);
        });
    }

    private void chain(List<? extends EventMessage<?>> events) {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            // Axon stores an event outside an aggregate under its own id, as number 0
            String upgradeId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
            long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
            ranges.merge(upgradeId, new long[] {sequence, sequence},
                    (known, added) -> new long[] {Math.min(known[0], added[0]), Math.max(known[1], added[1])});
        }
        try (Connection connection = getConnection()) {
            for (Map.Entry<String, long[]> range : ranges.entrySet()) {
                DigestChain.extend(connection, range.getKey(), range.getValue()[0], range.getValue()[1]);
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot record the digests of the events just stored", e);
        }
    }
}
