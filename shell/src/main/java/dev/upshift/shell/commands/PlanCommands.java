package dev.upshift.shell.commands;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.commands.PlanUpgrade;
import dev.upshift.orchestrator.planning.KeepOld;
import dev.upshift.orchestrator.planning.PlanRequest;
import dev.upshift.orchestrator.planning.UpgradePlanner;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.shell.render.Views;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** Planning: read the stack, record the plan, print it; nothing in the stack changes. */
@Command(group = "Upgrade")
public class PlanCommands {

    private final UpgradePlanner planner;
    private final CommandGateway commands;
    private final Upgrades upgrades;
    private final ObjectMapper json;
    private final String processEngine;

    /** @param processEngine upshift's {@code --docker-host} or {@code UPSHIFT_DOCKER_HOST}, recorded by a plan */
    public PlanCommands(UpgradePlanner planner, CommandGateway commands, Upgrades upgrades, ObjectMapper json,
                        @Value("${upshift.docker-host:}") String processEngine) {
        this.planner = planner;
        this.commands = commands;
        this.upgrades = upgrades;
        this.json = JsonOutput.indented(json);
        this.processEngine = processEngine;
    }

    @Command(command = "plan", description = "Plan the upgrade of a compose stack's database; changes nothing in the stack.")
    public String plan(
            @Option(longNames = "compose", required = true, description = "the stack's compose file") String compose,
            @Option(longNames = "service", defaultValue = "db", description = "the database's service") String service,
            @Option(longNames = "to", required = true, description = "the target image, e.g. postgres:17-alpine") String target,
            @Option(longNames = "id", description = "the upgrade's id (default: project and time)") String id,
            @Option(longNames = "method", defaultValue = "dump-restore", description = "dump-restore, pg-upgrade or logical") String method,
            @Option(longNames = "upgrade-image", description = "pg-upgrade: the image with the old and the new major's binaries") String upgradeImage,
            @Option(longNames = "transfer", description = "pg-upgrade: how the data files move: copy (the default) or link") String transfer,
            @Option(longNames = "allow-restart", description = "logical: the old server may be restarted once while the stack serves, to set wal_level=logical") boolean allowRestart,
            @Option(longNames = "snapshot", description = "keep (the old volume untouched, the default) or copy (also a physical copy)") String snapshot,
            @Option(longNames = "dependents", description = "dependents in start order, e.g. api,worker,web (default: from depends_on)") String dependents,
            @Option(longNames = "backup-dir", description = "where backups go (default: backups/ beside the compose file)") String backupDir,
            @Option(longNames = "docker-host", description = "the engine the upgrade acts on, unix:///… or tcp://HOST:PORT (default: UPSHIFT_DOCKER_HOST; without it, the engine of whichever process drives the upgrade)") String dockerHost,
            @Option(longNames = "window", arity = OptionArity.ZERO_OR_MORE, description = "Phase 3 only inside this maintenance window, as often as needed: \"Wed 00:00-01:00 Europe/Berlin\" (weekly) or 2026-12-02T00:00:00Z/PT1H (once)") String[] windows,
            @Option(longNames = "json", description = "print the upgrade as JSON (docs/json-output.md)") boolean asJson,
            @Option(longNames = "keep-old", description = "how long the old container, image, volume and the backups stay after completion, e.g. 20s, 24h, 7d, P7D (default: image and container 24h, volume and backups 7d)") String keepOld)
            throws JsonProcessingException {
        Duration keptFor = KeepOld.parse(keepOld);
        PlanRequest request = new PlanRequest(Path.of(compose), service, target, id, method, list(dependents),
                backupDir == null ? null : Path.of(backupDir), dockerHost != null ? dockerHost : processEngine,
                upgradeImage, transfer, snapshot, windows == null ? List.of() : List.of(windows), allowRestart);
        UpgradePlan plan = planner.plan(request).keepingOldFor(keptFor);
        String upgradeId = planner.upgradeId(request, plan);
        if (upgrades.exists(upgradeId)) {
            throw new InvalidInput("upgrade '" + upgradeId + "' already exists; choose another --id");
        }
        commands.sendAndWait(new PlanUpgrade(upgradeId, plan));
        return asJson ? json.writeValueAsString(upgrades.document(upgrades.view(upgradeId)))
                : Views.plan(upgradeId, plan) + "\nExpected downtime: " + Views.expectedDowntime(upgrades.view(upgradeId))
                        + "\nNext: upshift preflight " + upgradeId;
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null ? null : Arrays.stream(commaSeparated.split(",")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
    }
}
