package dev.upshift.audit.replay;

import dev.upshift.orchestrator.testbed.PostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The replay service on a shared store: a real PostgreSQL 17 server in a container of its own. */
@DirtiesContext
class ReplayServiceOnPostgresTest extends ReplayServiceContract {

    private static PostgresServer server;

    @Autowired
    private ConfigurableApplicationContext context;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        server = PostgresServer.start();
        properties.add("spring.datasource.url", server::url);
        properties.add("spring.datasource.username", server::user);
        properties.add("spring.datasource.password", server::password);
    }

    /** The server goes with the context, after the processors have stopped (a context stops them before it destroys beans). */
    @BeforeEach
    void removeTheServerWithTheContext() {
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("postgresServer", server::close);
    }
}
