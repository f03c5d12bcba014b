package dev.upshift.orchestrator.planning;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.MaintenanceWindow;
import dev.upshift.orchestrator.api.SecretSource;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerEngines;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.steps.EnvFile;
import org.springframework.stereotype.Component;

/**
 * Turns the operator's request into a plan by reading the compose file and the running containers. It only
 * reads: every problem it finds is an {@link InvalidInput}, raised before anything is recorded.
 */
@Component
public class UpgradePlanner {

    private static final Pattern UPGRADE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final String DEFAULT_DATA_DIRECTORY = "/var/lib/postgresql/data";

    /** pg_upgrade's own modes; copy leaves the old cluster untouched, so the rollback is the old container again. */
    private static final List<String> TRANSFER_MODES = List.of("copy", "link", "clone", "swap");
    private static final String COPY = "copy";
    private static final Map<String, String> NOT_AVAILABLE = Map.of(
            "clone", "it needs reflinks, which ext4 and overlay2 volumes do not have",
            "swap", "pg_upgrade has it from 18 on and Upshift does not drive it");

    private final ComposeFile composeFile;
    private final ContainerEngines engines;
    private final Clock clock;

    public UpgradePlanner(ComposeFile composeFile, ContainerEngines engines, Clock clock) {
        this.composeFile = composeFile;
        this.engines = engines;
        this.clock = clock;
    }

    public UpgradePlan plan(PlanRequest request) {
        List<String> windows = windows(request.windows());
        Path file = request.composeFile().toAbsolutePath().normalize();
        ComposeProject compose = composeFile.read(file);
        ComposeService database = compose.service(request.service()).orElseThrow(() -> new InvalidInput(
                "service " + request.service() + " is not in " + file + "; it has "
                        + compose.services().stream().map(ComposeService::name).collect(Collectors.joining(", "))));
        if (database.image() == null) {
            throw new InvalidInput("service " + database.name() + " in " + file + " has no image: to upgrade it, "
                    + "it must run a PostgreSQL image");
        }
        if (!ImageReference.isValid(request.targetImage())) {
            throw new InvalidInput("'" + request.targetImage() + "' is not an image reference; write it like "
                    + "postgres:17-alpine or registry.example.com/postgres:17");
        }
        requireNoExtends(compose, database, request.dependents());
        UpgradeMethod method = method(request.method());
        String transfer = transfer(method, request);
        String dockerHost = engineAddress(request.dockerHost());
        Map<String, String> environment = readable(() -> EnvFile.environmentOf(database));
        String superuser = environment.getOrDefault("POSTGRES_USER", "postgres");
        String dataDirectory = environment.getOrDefault("PGDATA", DEFAULT_DATA_DIRECTORY);
        String volume = dataVolume(database, dataDirectory, file);
        String backupDir = BackupDirectory.of(file, request.backupDir());
        composeFile.rehearseUpgradeEdits(file, database.name(), request.targetImage(),
                UpgradePlan.LINK.equals(transfer) ? null : volume);
        String project = runningProject(engines.at(dockerHost), file, database.name());
        return new UpgradePlan(
                file.toString(),
                project,
                database.name(),
                database.image(),
                request.targetImage(),
                method,
                stopOrder(compose, database.name(), request.dependents()),
                backupDir,
                project + "_" + volume,
                dataDirectory,
                environment.getOrDefault("POSTGRES_DB", superuser),
                superuser,
                passwordSource(file, database),
                dockerHost,
                request.upgradeImage(),
                transfer,
                snapshot(request.snapshot()),
                windows, null, restartAllowed(method, request));
    }

    /** The operator's id, checked, or one made of the project and the time. */
    public String upgradeId(PlanRequest request, UpgradePlan plan) {
        if (request.upgradeId() == null) {
            return plan.project() + "-" + LocalDateTime.now(clock).format(ID_TIME);
        }
        if (!UPGRADE_ID.matcher(request.upgradeId()).matches()) {
            throw new InvalidInput("'" + request.upgradeId() + "' is not a usable upgrade id: use lower-case "
                    + "letters, digits, '.', '_' and '-', at most 63 characters");
        }
        return request.upgradeId();
    }

    private static UpgradeMethod method(String label) {
        return label == null ? UpgradeMethod.DUMP_RESTORE : UpgradeMethod.fromLabel(label)
                .orElseThrow(() -> new InvalidInput("unknown method '" + label + "'; use dump-restore, pg-upgrade or logical"));
    }

    /** The old volume is always kept untouched; {@code copy} also copies it, in the downtime, for a second physical copy. */
    private static String snapshot(String requested) {
        String snapshot = requested == null ? UpgradePlan.KEEP : requested;
        if (!List.of(UpgradePlan.KEEP, UpgradePlan.COPY).contains(snapshot)) {
            throw new InvalidInput("unknown snapshot '" + snapshot + "'; use keep (the old volume kept untouched) or copy "
                    + "(also a physical copy of it, taken in the downtime)");
        }
        return snapshot;
    }

    /** Each window read as written and recorded as {@link MaintenanceWindow#spec()}; a one-off one already over is refused. */
    private List<String> windows(List<String> requested) {
        List<String> windows = new ArrayList<>();
        for (String spec : requested == null ? List.<String>of() : requested) {
            MaintenanceWindow window;
            try {
                window = MaintenanceWindow.parse(spec);
            } catch (IllegalArgumentException unreadable) {
                throw new InvalidInput("--window '" + spec + "' is not a window (" + unreadable.getMessage() + "); use "
                        + MaintenanceWindow.FORMS);
            }
            if (window.openingsFrom(clock.instant()).findFirst().isEmpty()) {
                throw new InvalidInput("--window '" + spec + "' is over already; give one that is still to come");
            }
            windows.add(window.spec());
        }
        return windows;
    }

    /** pg-upgrade's transfer mode (copy by default) and the image it runs in; neither means anything to dump-restore. */
    private static String transfer(UpgradeMethod method, PlanRequest request) {
        if (method != UpgradeMethod.PG_UPGRADE) {
            if (request.upgradeImage() != null || request.transfer() != null) {
                throw new InvalidInput("--upgrade-image and --transfer belong to --method pg-upgrade");
            }
            return null;
        }
        if (request.upgradeImage() == null || !ImageReference.isValid(request.upgradeImage())) {
            throw new InvalidInput("--method pg-upgrade needs --upgrade-image IMAGE: an image with the old and the new "
                    + "major's binaries under PGBINOLD and PGBINNEW, e.g. upshift-testbed/postgres-upgrade:15-to-17");
        }
        String transfer = request.transfer() == null ? COPY : request.transfer();
        if (!TRANSFER_MODES.contains(transfer)) {
            throw new InvalidInput("unknown transfer mode '" + transfer + "'; use one of " + String.join(", ", TRANSFER_MODES));
        }
        if (NOT_AVAILABLE.containsKey(transfer)) {
            throw new InvalidInput("transfer mode " + transfer + " is not available yet (" + NOT_AVAILABLE.get(transfer)
                    + "); use link or copy");
        }
        return transfer;
    }

    /** The restart of the old server that logical decoding may need is approved here, at plan, and recorded. */
    private static boolean restartAllowed(UpgradeMethod method, PlanRequest request) {
        if (request.allowRestart() && method != UpgradeMethod.LOGICAL) {
            throw new InvalidInput("--allow-restart belongs to --method logical (a restart for wal_level=logical)");
        }
        return request.allowRestart();
    }

    /** The address as given; none (null): the engine of whichever process drives the upgrade. */
    private static String engineAddress(String given) {
        return given == null || given.isBlank() ? null : given.strip();
    }

    private static String runningProject(ContainerEngine engine, Path file, String service) {
        engine.ping();
        List<ContainerInfo> containers = engine.composeContainers(file).stream()
                .filter(container -> container.service().equals(service))
                .toList();
        Set<String> projects = containers.stream().map(ContainerInfo::project).collect(Collectors.toSet());
        if (projects.size() > 1) {
            throw new InvalidInput("several compose projects run " + file + " (" + String.join(", ", projects)
                    + "); stop all but the one to upgrade");
        }
        if (containers.stream().noneMatch(ContainerInfo::running)) {
            throw new InvalidInput("service " + service + " of " + file + " has no running container; start the "
                    + "stack with: docker compose -f " + file + " up -d");
        }
        return projects.iterator().next();
    }

    /**
     * Upshift does not resolve {@code extends:}: the database's own settings (its database, volume, password) would be
     * read incompletely, and a dependent's inherited {@code depends_on} missed unless the dependents are named.
     */
    private static void requireNoExtends(ComposeProject compose, ComposeService database, List<String> dependents) {
        if (database.usesExtends()) {
            throw new InvalidInput("service " + database.name() + " in " + compose.file() + " uses extends:, which "
                    + "Upshift does not resolve; write its settings out in the service itself");
        }
        List<String> extending = compose.services().stream().filter(ComposeService::usesExtends)
                .map(ComposeService::name).toList();
        if (dependents == null && !extending.isEmpty()) {
            throw new InvalidInput("services " + String.join(", ", extending) + " in " + compose.file() + " use extends:, "
                    + "whose depends_on Upshift does not resolve; name the dependents with --dependents");
        }
    }

    private static List<String> stopOrder(ComposeProject compose, String database, List<String> dependents) {
        List<String> startOrder = dependents == null ? DependencyOrder.startOrder(compose, database) : dependents;
        for (String dependent : startOrder) {
            if (compose.service(dependent).isEmpty() || dependent.equals(database)) {
                throw new InvalidInput("dependent '" + dependent + "' is not another service of " + compose.file());
            }
        }
        List<String> stopOrder = new ArrayList<>(startOrder);
        Collections.reverse(stopOrder);
        return stopOrder;
    }

    private static String dataVolume(ComposeService database, String dataDirectory, Path file) {
        return database.volumes().stream()
                .filter(mount -> mount.named() && dataDirectory.startsWith(mount.target()))
                .map(VolumeMount::source)
                .findFirst()
                .orElseThrow(() -> new InvalidInput("service " + database.name() + " in " + file + " keeps "
                        + dataDirectory + " on no named volume; Upshift needs one to keep the old data untouched"));
    }

    private static SecretSource passwordSource(Path file, ComposeService database) {
        String variable = "POSTGRES_PASSWORD";
        if (database.environment().containsKey(variable)) {
            return new SecretSource(SecretSource.COMPOSE_ENVIRONMENT, file.toString(), variable);
        }
        for (int i = database.envFiles().size() - 1; i >= 0; i--) {
            Path envFile = database.envFiles().get(i);
            if (readable(() -> EnvFile.read(envFile)).containsKey(variable)) {
                return new SecretSource(SecretSource.ENV_FILE, envFile.toString(), variable);
            }
        }
        throw new InvalidInput("service " + database.name() + " in " + file + " sets no " + variable
                + " in its environment or env_file; Upshift reads the password from there");
    }

    /** An env file that cannot be read is the operator's to fix, like any other input. */
    private static Map<String, String> readable(Supplier<Map<String, String>> environment) {
        try {
            return environment.get();
        } catch (UncheckedIOException unreadable) {
            throw new InvalidInput(unreadable.getMessage() + ": " + unreadable.getCause().getMessage());
        }
    }
}
