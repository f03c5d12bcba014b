package dev.upshift.audit;

import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * An in-memory H2 database with {@code db/projections.sql} applied, and a way to hand events to a read model's
 * handlers as a tracking processor would — through Axon's annotation adapter, so that parameter resolution and
 * the most-specific-handler rule are the real ones. No Spring context.
 */
public final class InMemoryReadModels implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final JdbcTemplate jdbc;

    public InMemoryReadModels() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:read-models-" + UUID.randomUUID(), "sa", "", true);
        new ResourceDatabasePopulator(new ClassPathResource("db/projections.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public static void feed(Object readModel, List<? extends EventMessage<?>> events) {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(readModel);
        for (EventMessage<?> event : events) {
            try {
                if (handlers.canHandle(event)) {
                    handlers.handle(event);
                }
            } catch (Exception failure) {
                throw new AssertionError("the read model failed on " + event.getPayloadType().getSimpleName(), failure);
            }
        }
    }

    public static void reset(Object readModel) {
        new AnnotationEventHandlerAdapter(readModel).prepareReset();
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
