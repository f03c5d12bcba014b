package dev.upshift.shell.commands;

import java.util.concurrent.CountDownLatch;

import dev.upshift.audit.store.StoreUrl;
import dev.upshift.orchestrator.process.ThisProcess;
import org.springframework.core.env.Environment;
import org.springframework.shell.command.annotation.Command;

/**
 * {@code upshift serve}: this process becomes a node that drives the upgrades handed to {@link ThisProcess#NODES}
 * (`--detach`) until it is stopped. SIGTERM closes the application: the processor finishes or abandons the step at
 * hand and releases its segments, so that another node takes them over at once and resumes what was under way.
 */
@Command(group = "Nodes")
public class ServeCommands {

    private final ThisProcess self;
    private final Environment environment;

    public ServeCommands(ThisProcess self, Environment environment) {
        this.self = self;
        this.environment = environment;
    }

    @Command(command = "serve", description = "Be a node: drive the upgrades handed to the nodes (--detach) until SIGTERM.")
    public void serve() throws InterruptedException {
        String base = "http://localhost:" + environment.getProperty("local.server.port") + "/actuator";
        System.out.println("Node " + self.name() + " serves the store "
                + StoreUrl.masked(environment.getProperty("spring.datasource.url")) + "; health " + base + "/health, metrics " + base + "/prometheus. SIGTERM stops it.");
        System.out.flush();
        new CountDownLatch(1).await(); // the JVM's shutdown hook closes the application; nothing else ends a node
    }
}
