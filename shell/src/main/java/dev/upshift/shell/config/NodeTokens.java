package dev.upshift.shell.config;

import dev.upshift.orchestrator.process.NodeDispatcher;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The nodes' place in the event stream. A node that starts on a store no node ever served begins at the head, so
 * that it never runs history; an upgrade handed to the nodes before any node started must not fall before that
 * head, so the process that hands it over sets the nodes' tokens first, at the head as it was before its events.
 */
@Component
public class NodeTokens {

    /** How many segments the nodes' processor has: as many nodes as that can share the work. */
    static final String SEGMENTS = "${upshift.node.segments:8}";

    private final TokenStore tokens;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final int segments;

    public NodeTokens(TokenStore tokens, EventStore eventStore, TransactionManager transactions,
                      @Value(SEGMENTS) int segments) {
        this.tokens = tokens;
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.segments = segments;
    }

    public void startAtTheHeadIfNew() {
        try {
            transactions.executeInTransaction(() -> {
                if (tokens.fetchSegments(NodeDispatcher.PROCESSING_GROUP).length == 0) {
                    tokens.initializeTokenSegments(NodeDispatcher.PROCESSING_GROUP, segments, eventStore.createHeadToken());
                }
            });
        } catch (RuntimeException initializedMeanwhile) {
            // a node or another hand-over set them at the same moment; only their absence is an error
            if (transactions.fetchInTransaction(() -> tokens.fetchSegments(NodeDispatcher.PROCESSING_GROUP)).length == 0) {
                throw initializedMeanwhile;
            }
        }
    }
}
