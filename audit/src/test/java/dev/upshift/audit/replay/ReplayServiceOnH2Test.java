package dev.upshift.audit.replay;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The replay service on the default store: H2 (in memory here; a file in production). */
class ReplayServiceOnH2Test extends ReplayServiceContract {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:h2:mem:replay-service;DB_CLOSE_DELAY=-1");
    }
}
