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
     * rehearsal's upgrade) and starts the old server on it, as the live one runs, and waits until it serves.
     *
     * @throws StepFailure when something of it could not be done
     */
    public ScratchStack create(UpgradePlan live, String rehearsalId, Path directory) {
        ScratchStack scratch = new ScratchStack(projectOf(live), directory);
        ContainerEngine engine = stack.engine(live);
        ContainerSpec spec = engine.spec(stack.container(live, live.service()).id());
        ContainerSpec.Mount data = spec.mounts().stream().filter(mount -> live.volume().equals(mount.source()))
                .findFirst().orElseThrow(() -> new StepFailure("the live database does not mount " + live.volume()));
        List<String> shared = spec.mounts().stream().filter(mount -> "volume".equals(mount.type()) && mount != data)
                .map(ContainerSpec.Mount::source).toList();
        if (!shared.isEmpty()) {
            throw new StepFailure("the live database mounts volumes besides its data (" + String.join(", ", shared)
                    + "); a rehearsal would share them with the live stack, so it does not run");
        }
        try {
            Files.createDirectories(scratch.backupDir());
        } catch (IOException e) {
            throw new StepFailure("cannot create " + scratch.backupDir() + ": " + e.getMessage(), e);
        }
        composeFile.writeServiceCopy(Path.of(live.composeFile()), live.service(), scratch.project(), scratch.composeFile());
        String key = ComposeDataLayout.volumeKey(live);
        String volume = scratch.project() + "_" + key;
        engine.createVolume(volume, Map.of(ContainerEngine.PURPOSE, ContainerEngine.SCRATCH,
                PROJECT_LABEL, scratch.project(), "com.docker.compose.volume", key, ContainerEngine.MADE_BY, rehearsalId));
        baseBackup.copy(live, scratch.project() + "-base-backup", spec.image(), volume, data.target(),
                live.dataDirectory(), copyTimeout);
        String id = engine.create(stack.withSecrets(live, oldServer(spec, scratch, volume, data, rehearsalId)));
        engine.start(id);
        stack.requireServing(live, id, "the scratch copy's server");
        return scratch;
    }

    /**
     * The live server's configuration on the copy, as a container of the scratch project: alone on the engine's
     * default network (no alias another service could reach it by), no published port, the host's files it mounts
     * read-only, and not restarted by the engine.
     */
    private static ContainerSpec oldServer(ContainerSpec live, ScratchStack scratch, String volume, ContainerSpec.Mount data,
                                           String rehearsalId) {
        Map<String, String> labels = new LinkedHashMap<>(live.labels());
        labels.put(PROJECT_LABEL, scratch.project());
        labels.put("com.docker.compose.project.config_files", scratch.composeFile().toString());
        labels.put("com.docker.compose.project.working_dir", scratch.directory().toString());
        labels.put(ContainerEngine.MADE_BY, rehearsalId);
        List<ContainerSpec.Mount> mounts = live.mounts().stream()
                .map(mount -> mount == data ? new ContainerSpec.Mount("volume", volume, data.target(), false)
                        : new ContainerSpec.Mount(mount.type(), mount.source(), mount.target(), true))
                .toList();
        String service = labels.getOrDefault("com.docker.compose.service", "db");
        return new ContainerSpec(scratch.project() + "-" + service + "-1", live.image(), live.imageId(),
                live.environment(), live.command(), live.entrypoint(), labels,
                List.of(new ContainerSpec.Network("bridge", List.of())), mounts, List.of(), live.healthCheck(), "no",
                live.user(), live.workingDir());
    }

    /**
     * Removes what the rehearsal made — the scratch project's containers, every volume labelled as made by the
     * rehearsal's upgrade (the scratch copy, the new server's), the directory — and says what it removed. A removal
     * that fails is named, and the rest still goes.
     */
    public RehearsalCleanedUp remove(UpgradePlan live, String upgradeId, String rehearsalId, ScratchStack scratch) {
        ContainerEngine engine = stack.engine(live);
        List<String> containers = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        List<String> notRemoved = new ArrayList<>();
        for (ContainerInfo container : engine.serviceContainers(scratch.project(), live.service())) {
            attempt(notRemoved, "container " + container.name(), () -> {
                engine.stop(container.id(), STOP_TIMEOUT);
                engine.remove(container.id());
                containers.add(container.name());
            });
        }
        for (String volume : engine.volumesMadeBy(rehearsalId)) {
            attempt(notRemoved, "volume " + volume, () -> {
                engine.removeVolumeMadeBy(rehearsalId, volume);
                volumes.add(volume);
            });
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
