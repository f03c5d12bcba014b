package dev.upshift.orchestrator.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.RehearsalCleanedUp;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.steps.BaseBackup;
import dev.upshift.orchestrator.steps.ComposeDataLayout;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes and removes a rehearsal's scratch stack. The live stack is only read: its compose file, its database
 * container's configuration and, through a base backup taken while it serves, its data.
 */
@Component
public class ScratchStacks {

    private static final String PROJECT_LABEL = "com.docker.compose.project";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final StackAccess stack;
    private final ComposeFile composeFile;
    private final BaseBackup baseBackup;
    private final Duration copyTimeout;

    public ScratchStacks(StackAccess stack, ComposeFile composeFile, BaseBackup baseBackup,
                         @Value("${upshift.volume-copy-timeout:PT6H}") Duration copyTimeout) {
        this.stack = stack;
        this.composeFile = composeFile;
        this.baseBackup = baseBackup;
        this.copyTimeout = copyTimeout;
    }

    /** The scratch project of the live one: {@code makapix-rehearsal}. */
    public static String projectOf(UpgradePlan live) {
        return live.project() + "-rehearsal";
    }

    /**
     * Writes the scratch compose file, copies the live database into a scratch volume (labelled as made by the
     * rehearsal's upgrade), starts the old server on it as the live one runs, then the dependents on it as they run,
     * all on an internal network of the rehearsal's own, and waits until every one serves.
     *
     * @throws StepFailure when something of it could not be done
     */
    public ScratchStack create(UpgradePlan live, String rehearsalId, Path directory) {
        ScratchStack scratch = new ScratchStack(projectOf(live), directory);
        ContainerEngine engine = stack.engine(live);
        ContainerSpec database = engine.spec(stack.container(live, live.service()).id());
        ContainerSpec.Mount data = database.mounts().stream().filter(mount -> live.volume().equals(mount.source()))
                .findFirst().orElseThrow(() -> new StepFailure("the live database does not mount " + live.volume()));
        List<String> services = new ArrayList<>(List.of(live.service()));
        services.addAll(live.startOrder());
        Map<String, ContainerSpec> specs = new LinkedHashMap<>();
        for (String service : services) {
            ContainerSpec spec = service.equals(live.service()) ? database
                    : engine.spec(stack.container(live, service).id());
            requireNoSharedVolume(service, spec, data);
            specs.put(service, spec);
        }
        try {
            Files.createDirectories(scratch.backupDir());
        } catch (IOException e) {
            throw new StepFailure("cannot create " + scratch.backupDir() + ": " + e.getMessage(), e);
        }
        composeFile.writeServicesCopy(Path.of(live.composeFile()), services, scratch.project(), scratch.composeFile());
        String key = ComposeDataLayout.volumeKey(live);
        String volume = scratch.project() + "_" + key;
        engine.createVolume(volume, Map.of(ContainerEngine.PURPOSE, ContainerEngine.SCRATCH,
                PROJECT_LABEL, scratch.project(), "com.docker.compose.volume", key, ContainerEngine.MADE_BY, rehearsalId));
        baseBackup.copy(live, scratch.project() + "-base-backup", database.image(), volume, data.target(),
                live.dataDirectory(), copyTimeout);
        String network = scratch.project() + "_default";
        engine.createInternalNetwork(network, Map.of(PROJECT_LABEL, scratch.project(), ContainerEngine.MADE_BY, rehearsalId));
        for (String service : services) {
            ContainerSpec copy = copyOf(specs.get(service), service, scratch, network, rehearsalId, data, volume);
            String id = engine.create(stack.withSecrets(live, service, copy));
            engine.start(id);
            stack.requireServing(live, id, "the scratch copy of " + service);
        }
        return scratch;
    }

    /** A volume the copy would share with the live stack, which a rehearsal must not write to: refused. */
    private static void requireNoSharedVolume(String service, ContainerSpec spec, ContainerSpec.Mount data) {
        List<String> shared = spec.mounts().stream().filter(mount -> "volume".equals(mount.type()) && !mount.equals(data))
                .map(ContainerSpec.Mount::source).toList();
        if (!shared.isEmpty()) {
            throw new StepFailure(service + " mounts volumes (" + String.join(", ", shared) + ") the rehearsal would "
                    + "share with the live stack, so it does not run");
        }
    }

    /**
     * A live container's configuration, as a container of the scratch project: on the rehearsal's internal network
     * under its service's name (the only way out is to the other copies), no published port, the host's files it
     * mounts read-only, the database's data volume replaced by the copy, and not restarted by the engine.
     */
    private static ContainerSpec copyOf(ContainerSpec live, String service, ScratchStack scratch, String network,
                                        String rehearsalId, ContainerSpec.Mount data, String volume) {
        Map<String, String> labels = new LinkedHashMap<>(live.labels());
        labels.put(PROJECT_LABEL, scratch.project());
        labels.put("com.docker.compose.project.config_files", scratch.composeFile().toString());
        labels.put("com.docker.compose.project.working_dir", scratch.directory().toString());
        labels.put(ContainerEngine.MADE_BY, rehearsalId);
        List<ContainerSpec.Mount> mounts = live.mounts().stream()
                .map(mount -> mount.equals(data) ? new ContainerSpec.Mount("volume", volume, data.target(), false)
                        : new ContainerSpec.Mount(mount.type(), mount.source(), mount.target(), true))
                .toList();
        return new ContainerSpec(scratch.project() + "-" + service + "-1", live.image(), live.imageId(),
                live.environment(), live.command(), live.entrypoint(), labels,
                List.of(new ContainerSpec.Network(network, List.of(service))), mounts, List.of(), live.healthCheck(),
                "no", live.user(), live.workingDir());
    }

    /**
     * Removes what the rehearsal made — the scratch project's containers, every volume and network labelled as made
     * by the rehearsal's upgrade (the scratch copy, the new server's volume), the directory — and says what it removed.
     * A removal that fails is named, and the rest still goes.
     */
    public RehearsalCleanedUp remove(UpgradePlan live, String upgradeId, String rehearsalId, ScratchStack scratch) {
        ContainerEngine engine = stack.engine(live);
        List<String> containers = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        List<String> notRemoved = new ArrayList<>();
        List<String> services = new ArrayList<>(live.stopOrder());
        services.add(live.service());
        for (String service : services) {
            for (ContainerInfo container : engine.serviceContainers(scratch.project(), service)) {
                attempt(notRemoved, "container " + container.name(), () -> {
                    engine.stop(container.id(), STOP_TIMEOUT);
                    engine.remove(container.id());
                    containers.add(container.name());
                });
            }
        }
        for (String volume : engine.volumesMadeBy(rehearsalId)) {
            attempt(notRemoved, "volume " + volume, () -> {
                engine.removeVolumeMadeBy(rehearsalId, volume);
                volumes.add(volume);
            });
        }
        for (String network : engine.networksMadeBy(rehearsalId)) {
            attempt(notRemoved, "network " + network, () -> engine.removeNetworkMadeBy(rehearsalId, network));
        }
        attempt(notRemoved, "directory " + scratch.directory(), () -> deleteRecursively(scratch.directory()));
        return new RehearsalCleanedUp(upgradeId, rehearsalId, containers, volumes, scratch.directory().toString(),
                notRemoved);
    }

    private static void attempt(List<String> notRemoved, String what, Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException failed) {
            notRemoved.add(what + ": " + failed.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
