package dev.upshift.orchestrator.adapters.docker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ImageInfo;
import dev.upshift.orchestrator.ports.OneOffRun;

/** Images: read, pulled, and run once in a throwaway container. */
final class DockerImages {

    private static final Duration RUN_ONCE_TIMEOUT = Duration.ofMinutes(2);
    /** How long its output stream may take to open, and to end after it exited. */
    private static final Duration OUTPUT_WAIT = Duration.ofSeconds(30);
    private static final int OUTPUT_KEPT_BYTES = 64 * 1024;

    private final DockerClient docker;

    DockerImages(DockerClient docker) {
        this.docker = docker;
    }

    Optional<ImageInfo> image(String reference) {
        try {
            InspectImageResponse image = docker.inspectImageCmd(reference).exec();
            List<String> digests = image.getRepoDigests() == null ? List.of() : image.getRepoDigests();
            ContainerConfig config = image.getConfig() == null ? new ContainerConfig() : image.getConfig();
            return Optional.of(new ImageInfo(image.getId(), digests, image.getSize() == null ? 0 : image.getSize(),
                    environment(config.getEnv()), config.getVolumes() == null ? List.of()
                            : config.getVolumes().keySet().stream().sorted().toList()));
        } catch (NotFoundException absent) {
            return Optional.empty();
        }
    }

    /** NAME=value lines as a map; a later line of the same name wins, as it does in a container. */
    private static Map<String, String> environment(String[] lines) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : lines == null ? new String[0] : lines) {
            int equals = line.indexOf('=');
            environment.put(equals < 0 ? line : line.substring(0, equals), equals < 0 ? "" : line.substring(equals + 1));
        }
        return environment;
    }

    /** Not forced, so the engine refuses an image a container uses (409); pruning its untagged parents as rmi does. */
    void remove(String reference) {
        try {
            docker.removeImageCmd(reference).withForce(false).exec();
        } catch (NotFoundException gone) {
            // nothing to remove
        } catch (ConflictException inUse) {
            throw new IllegalStateException("image " + reference + " is in use: " + inUse.getMessage(), inUse);
        }
    }

    /** A reference without a tag means ":latest" (the engine would pull every tag of the repository otherwise). */
    void pull(String reference) {
        int digest = reference.indexOf('@');
        int colon = reference.lastIndexOf(':');
        boolean tagged = digest < 0 && colon > reference.lastIndexOf('/');
        String repository = digest >= 0 ? reference : tagged ? reference.substring(0, colon) : reference;
        var pull = docker.pullImageCmd(repository);
        if (digest < 0) {
            pull.withTag(tagged ? reference.substring(colon + 1) : "latest");
        }
        try {
            pull.exec(new PullImageResultCallback()).awaitCompletion();
        } catch (DockerException | DockerClientException refused) {
            throw new IllegalStateException("cannot pull " + reference + ": " + refused.getMessage(), refused);
        } catch (InterruptedException interrupted) {
            throw Interrupted.whileDoing("pulling " + reference, interrupted);
        }
    }

    CommandResult runOnce(String image, List<String> command) {
        return run(new OneOffRun(null, image, command, Map.of(), Map.of(), RUN_ONCE_TIMEOUT));
    }

    CommandResult run(OneOffRun run) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = run(run, stdout, stderr, line -> { });
        return new CommandResult(exitCode, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Keeps the last 64 KiB of each stream: the listener has had every line. */
    CommandResult run(OneOffRun run, Consumer<String> outputLines) {
        TailBuffer stdout = new TailBuffer(OUTPUT_KEPT_BYTES);
        TailBuffer stderr = new TailBuffer(OUTPUT_KEPT_BYTES);
        int exitCode = run(run, stdout, stderr, outputLines);
        return new CommandResult(exitCode, stdout.toString(), stderr.toString());
    }

    /**
     * Starts the one-off, its output into the two streams and each line to the listener while it runs, and removes
     * it; returns its exit code.
     */
    private int run(OneOffRun run, OutputStream stdout, OutputStream stderr, Consumer<String> outputLines) {
        String id = create(run);
        try {
            LineTee stdoutLines = new LineTee(stdout, outputLines);
            LineTee stderrLines = new LineTee(stderr, outputLines);
            // attached before it starts, so nothing it prints is missed; a followed log can miss an unended last line
            ExecOutput output = docker.attachContainerCmd(id).withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(new ExecOutput(stdoutLines, stderrLines));
            if (!output.awaitStarted(OUTPUT_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("cannot attach to the output of " + run.image() + " in " + id);
            }
            docker.startContainerCmd(id).exec();
            int exitCode = docker.waitContainerCmd(id).start().awaitStatusCode(run.timeout().toSeconds(), TimeUnit.SECONDS);
            // the stream ends with the container, a moment after the exit code
            output.awaitCompletion(OUTPUT_WAIT.toSeconds(), TimeUnit.SECONDS);
            stdoutLines.finish();
            stderrLines.finish();
            return exitCode;
        } catch (InterruptedException interrupted) {
            throw Interrupted.whileDoing("running " + run.image(), interrupted);
        } finally {
            // the only volumes removed are the anonymous ones its image's VOLUME lines made for it; named ones stay
            // (the output stream, if still open, ends with it)
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }

    /** Created, not started, in place of a leftover of its name. */
    private String create(OneOffRun run) {
        if (run.name() != null) {
            removeLeftover(run.name());
        }
        List<Bind> binds = run.volumes().entrySet().stream()
                .map(volume -> new Bind(volume.getKey(), new Volume(volume.getValue()))).toList();
        var create = docker.createContainerCmd(run.image())
                .withEntrypoint(run.command())
                .withCmd(List.of())
                .withEnv(run.environment().entrySet().stream().map(variable -> variable.getKey() + "=" + variable.getValue()).toList())
                .withLabels(Map.of("dev.upshift.purpose", "throwaway"))
                .withHostConfig(HostConfig.newHostConfig().withBinds(binds)
                        .withNetworkMode(run.networkOf() == null ? null : "container:" + run.networkOf()));
        if (run.name() != null) {
            create.withName(run.name());
        }
        return create.exec().getId();
    }

    /** A one-off of a process that died before it could remove it: it may still run, on the same volumes. */
    private void removeLeftover(String name) {
        try {
            docker.removeContainerCmd(name).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException none) {
            // the usual case
        }
    }
}
