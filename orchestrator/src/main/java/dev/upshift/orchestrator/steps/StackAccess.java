package dev.upshift.orchestrator.steps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.SecretSource;
import dev.upshift.orchestrator.api.ServiceHealth;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerEngines;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.OneOffRun;
import dev.upshift.orchestrator.time.Poll;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds a plan's containers on the plan's engine, connects to its database and waits for services, reading secrets
 * only at the moment they are needed and only from where the stack itself keeps them.
 */
@Component
public class StackAccess {

    private static final int POSTGRES_PORT = 5432;
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration READINESS_POLL = Duration.ofMillis(100);
    private static final int LAST_LINES = 5;

    private final ContainerEngines engines;
    private final ComposeFile composeFile;
    private final Duration healthTimeout;

    public StackAccess(ContainerEngines engines, ComposeFile composeFile,
                       @Value("${upshift.health-timeout:PT3M}") Duration healthTimeout) {
        this.engines = engines;
        this.composeFile = composeFile;
        this.healthTimeout = healthTimeout;
    }

    /** The engine the plan acts on, whichever process drives it. */
    public ContainerEngine engine(UpgradePlan plan) {
        return engines.of(plan);
    }

    /**
     * The service's container, whatever its state: the running one where there are several (the database's old
     * container, kept stopped after 3.4 under another name, still carries the service's labels).
     */
    public ContainerInfo container(UpgradePlan plan, String service) {
        List<ContainerInfo> containers = engine(plan).serviceContainers(plan.project(), service);
        if (containers.isEmpty()) {
            throw new StepFailure("service " + service + " of project " + plan.project() + " has no container");
        }
        return containers.stream().filter(ContainerInfo::running).findFirst().orElse(containers.get(0));
    }

    public ServiceHealth health(UpgradePlan plan, String service) {
        ContainerInfo container = container(plan, service);
        return new ServiceHealth(service, container.name(), container.state(), container.health());
    }

    public DatabaseEndpoint database(UpgradePlan plan) {
        return database(plan, container(plan, plan.service()));
    }

    /** The application's database on the server in this container (the logical method's replica, before it is the service). */
    public DatabaseEndpoint database(UpgradePlan plan, ContainerInfo db) {
        return endpoint(plan, db, plan.database());
    }

    /** The server's maintenance database, for what cannot be done from inside the application's. */
    public DatabaseEndpoint maintenance(UpgradePlan plan) {
        return maintenance(plan, container(plan, plan.service()));
    }

    public DatabaseEndpoint maintenance(UpgradePlan plan, ContainerInfo db) {
        return endpoint(plan, db, MAINTENANCE_DATABASE);
    }

    private DatabaseEndpoint endpoint(UpgradePlan plan, ContainerInfo db, String database) {
        String address = db.addresses().values().stream().findFirst()
                .orElseThrow(() -> new StepFailure("container " + db.name() + " has no network address"));
        return new DatabaseEndpoint(address, POSTGRES_PORT, database, plan.superuser(), password(plan.password()));
    }

    /** The spec with every secret the event store left out filled in from the compose file's sources. */
    public ContainerSpec withSecrets(UpgradePlan plan, ContainerSpec spec) {
        return withSecrets(plan, plan.service(), spec);
    }

    /** The same for a container of another service of the plan's compose file (a dependent). */
    public ContainerSpec withSecrets(UpgradePlan plan, String service, ContainerSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        Map<String, String> declared = declaredEnvironment(plan, service);
        environment.replaceAll((name, value) -> {
            if (value != null) {
                return value;
            }
            String secret = declared.get(name);
            if (secret == null) {
                throw new StepFailure(name + " is no longer set for service " + service + " in "
                        + plan.composeFile() + " or its env_file");
            }
            return secret;
        });
        return spec.withEnvironment(environment);
    }

    /** A volume of the plan's project, with Compose's own labels, so that `docker compose` treats it as the project's. */
    public void createProjectVolume(UpgradePlan plan, String volume, String upgradeId) {
        engine(plan).createVolume(volume, Map.of(
                "com.docker.compose.project", plan.project(),
                "com.docker.compose.volume", ComposeDataLayout.volumeKey(plan.project(), volume),
                "dev.upshift.upgrade", upgradeId));
    }

    /**
     * Runs a one-off container of the plan's engine to its end (pg_upgrade, a volume copy); fails the step with its
     * exit code and the last lines that explain it unless it succeeded.
     *
     * @param subject what it does to the operator ("pg_upgrade", "the copy of makapix_pg_data"), the failure's first words
     */
    public CommandResult runToCompletion(UpgradePlan plan, OneOffRun run, String subject) {
        return succeeded(engine(plan).run(run), subject);
    }

    /** The same, handing each line it prints to the listener as it runs (its result keeps only the last lines). */
    public CommandResult runToCompletion(UpgradePlan plan, OneOffRun run, String subject, Consumer<String> outputLines) {
        return succeeded(engine(plan).run(run, outputLines), subject);
    }

    private static CommandResult succeeded(CommandResult result, String subject) {
        if (!result.succeeded()) {
            String errors = PgToolOutput.errors(result.stderr());
            List<String> lines = (errors.isBlank() ? result.stdout() : errors).strip().lines().toList();
            throw new StepFailure(subject + " failed (exit " + result.exitCode() + "): "
                    + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
        }
        return result;
    }

    /**
     * Waits until the container is healthy, or until Docker calls it unhealthy, it exits, or the health timeout
     * passes; fails the step with its state and last lines unless it then serves.
     *
     * @param subject what the container is to the operator ("the new server", "api"), the failure's first words
     */
    public ContainerInfo requireServing(UpgradePlan plan, String containerId, String subject) {
        ContainerEngine engine = engine(plan);
        // no interval: each look waits up to POLL itself
        ContainerInfo state = Poll.every(Duration.ZERO, healthTimeout).lastSeen(
                () -> engine.awaitHealthy(containerId, POLL), seen -> serving(seen) || stoppedOrUnhealthy(seen),
                StackAccess::interrupted);
        if (!serving(state)) {
            throw new StepFailure(subject + " " + describe(engine, state));
        }
        return state;
    }

    /**
     * Polls the PostgreSQL server in the container until it accepts TCP connections, rather than waiting for
     * Docker's next health check. TCP, because the entrypoint's initialisation server listens on its socket only.
     */
    public void requireAcceptingConnections(UpgradePlan plan, String containerId, String subject) {
        List<String> probe = List.of("pg_isready", "-q", "-h", "127.0.0.1", "-U", plan.superuser(),
                "-d", MAINTENANCE_DATABASE);
        ContainerEngine engine = engine(plan);
        pollUntil(engine, containerId, subject, () -> accepts(engine, containerId, probe));
    }

    /**
     * Runs the container's own health check every 100 ms until it passes — one pass is what turns Docker's status
     * healthy, at its next interval (2 s in the sample stack); returns "healthy", or "none" for a container
     * without a health check.
     */
    public String requirePassingHealthCheck(UpgradePlan plan, String containerId, String subject) {
        ContainerEngine engine = engine(plan);
        pollUntil(engine, containerId, subject, () -> engine.passesHealthCheck(containerId));
        return "none".equals(engine.state(containerId).health()) ? "none" : "healthy";
    }

    /**
     * Fails the step, as {@link #requireServing} does, once Docker calls the container unhealthy, it stops, or the
     * health timeout passes.
     */
    private void pollUntil(ContainerEngine engine, String containerId, String subject, BooleanSupplier passes) {
        // each look: nothing once it passes, else the state, to judge and to explain
        Optional<ContainerInfo> failing = Poll.every(READINESS_POLL, healthTimeout).lastSeen(
                () -> passes.getAsBoolean() ? Optional.<ContainerInfo>empty() : Optional.of(engine.state(containerId)),
                seen -> seen.map(StackAccess::stoppedOrUnhealthy).orElse(true), StackAccess::interrupted);
        if (failing.isPresent()) {
            throw new StepFailure(subject + " " + describe(engine, failing.get()));
        }
    }

    private static boolean accepts(ContainerEngine engine, String containerId, List<String> probe) {
        try {
            return engine.exec(containerId, probe).succeeded();
        } catch (IllegalStateException stoppedMeanwhile) {
            return false;
        }
    }

    /** "is exited (none); its last lines: …", to follow what the container is to the operator. */
    private static String describe(ContainerEngine engine, ContainerInfo state) {
        return "is " + state.state() + " (" + state.health() + "); its last lines: "
                + engine.logTail(state.id(), LAST_LINES).strip().replaceAll("\\s*\\n\\s*", " | ");
    }

    private static boolean serving(ContainerInfo state) {
        return state.running() && ("healthy".equals(state.health()) || "none".equals(state.health()));
    }

    private static boolean stoppedOrUnhealthy(ContainerInfo state) {
        return !state.running() || "unhealthy".equals(state.health());
    }

    private static StepFailure interrupted(InterruptedException interrupted) {
        return new StepFailure("interrupted while waiting for a container", interrupted);
    }

    private String password(SecretSource source) {
        Map<String, String> values = SecretSource.COMPOSE_ENVIRONMENT.equals(source.kind())
                ? environmentOfAnyService(Path.of(source.location()))
                : EnvFile.read(Path.of(source.location()));
        String password = values.get(source.variable());
        if (password == null) {
            throw new StepFailure(source.variable() + " is no longer in " + source.location());
        }
        return password;
    }

    private Map<String, String> environmentOfAnyService(Path file) {
        Map<String, String> environment = new LinkedHashMap<>();
        composeFile.read(file).services().forEach(service -> environment.putAll(service.environment()));
        return environment;
    }

    /** A service's environment as compose gives it: its env files, then its environment block. */
    private Map<String, String> declaredEnvironment(UpgradePlan plan, String name) {
        ComposeService service = composeFile.read(Path.of(plan.composeFile())).service(name)
                .orElseThrow(() -> new StepFailure("service " + name + " is gone from " + plan.composeFile()));
        return EnvFile.environmentOf(service);
    }
}
