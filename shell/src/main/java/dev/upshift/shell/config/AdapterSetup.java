package dev.upshift.shell.config;

import java.time.Clock;

import dev.upshift.orchestrator.adapters.compose.YamlComposeFile;
import dev.upshift.orchestrator.adapters.docker.DockerContainerEngines;
import dev.upshift.orchestrator.adapters.jdbc.JdbcDatabaseAdministrator;
import dev.upshift.orchestrator.adapters.jdbc.JdbcDatabaseInspector;
import dev.upshift.orchestrator.adapters.jdbc.JdbcLogicalReplication;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ContainerEngines;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.ports.LogicalReplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ports' adapters. */
@Configuration
public class AdapterSetup {

    /**
     * The engines by address, each client built on first use: the shell instantiates every command class, and a
     * command that never talks to Docker (status, log) should not pay for a client's HTTP and TLS set-up.
     */
    @Bean
    public ContainerEngines containerEngines(@Value("${upshift.docker-host:}") String dockerHost) {
        return new DockerContainerEngines(dockerHost);
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
    public LogicalReplication logicalReplication() {
        return new JdbcLogicalReplication();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
