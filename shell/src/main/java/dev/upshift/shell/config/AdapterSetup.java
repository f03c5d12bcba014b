package dev.upshift.shell.config;

import java.time.Clock;

import dev.upshift.orchestrator.adapters.compose.YamlComposeFile;
import dev.upshift.orchestrator.adapters.docker.DockerContainerEngine;
import dev.upshift.orchestrator.adapters.jdbc.JdbcDatabaseAdministrator;
import dev.upshift.orchestrator.adapters.jdbc.JdbcDatabaseInspector;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports' adapters. */
@Configuration
public class AdapterSetup {

    @Bean
    public ContainerEngine containerEngine(@Value("${upshift.docker-host:}") String dockerHost) {
        return new DockerContainerEngine(dockerHost);
    }

    @Bean
    public ComposeFile composeFile() {
        return new YamlComposeFile();
    }

    @Bean
    public DatabaseInspector databaseInspector() {
        return new JdbcDatabaseInspector();
    }

    @Bean
    public DatabaseAdministrator databaseAdministrator() {
        return new JdbcDatabaseAdministrator();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
