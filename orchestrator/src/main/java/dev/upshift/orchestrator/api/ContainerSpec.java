package dev.upshift.orchestrator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A container as its stack configured it — without what its image supplies — so that it can be recreated
 * exactly, on the same image or on another one. Recorded in events: the value of every environment variable
 * whose name looks secret is null here and is read again from the compose file's sources when needed.
 *
 * @param command null when the container runs its image's default
 * @param entrypoint null when the container runs its image's default
 * @param healthCheck null when the container uses its image's health check
 * @param restartPolicy as {@code docker run --restart} takes it: "no", "always", "unless-stopped", "on-failure[:N]"
 */
public record ContainerSpec(
        String name,
        String image,
        String imageId,
        Map<String, String> environment,
        List<String> command,
        List<String> entrypoint,
        Map<String, String> labels,
        List<Network> networks,
        List<Mount> mounts,
        List<PortBinding> ports,
        HealthCheck healthCheck,
        String restartPolicy,
        String user,
        String workingDir) {

    /** Collections are copied in their order; environment values may be null (secrets), so no {@code Map.copyOf}. */
    public ContainerSpec {
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        command = command == null ? null : List.copyOf(command);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        networks = networks == null ? List.of() : List.copyOf(networks);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** True for a variable whose value must never be recorded: PASSWORD, PASSWD, SECRET, TOKEN in it, or _KEY at its end. */
    public static boolean looksSecret(String variable) {
        String name = variable.toUpperCase(Locale.ROOT);
        return name.contains("PASSWORD") || name.contains("PASSWD") || name.contains("SECRET")
                || name.contains("TOKEN") || name.endsWith("_KEY");
    }

    /** The variables whose value is not recorded (null) and must be supplied before the spec can be created. */
    public List<String> missingEnvironment() {
        return environment.entrySet().stream().filter(entry -> entry.getValue() == null).map(Map.Entry::getKey).toList();
    }

    /** The same container on another image (e.g. the upgrade's target), its id unknown until it is inspected. */
    public ContainerSpec withImage(String newImage) {
        return withImage(newImage, null);
    }

    /** The same container on another image (e.g. the upgrade's target). */
    public ContainerSpec withImage(String newImage, String newImageId) {
        return new ContainerSpec(name, newImage, newImageId, environment, command, entrypoint, labels, networks, mounts,
                ports, healthCheck, restartPolicy, user, workingDir);
    }

    /** The same container with these variables set or replaced (e.g. the secrets read again from their source). */
    public ContainerSpec withEnvironment(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(values);
        return new ContainerSpec(name, image, imageId, merged, command, entrypoint, labels, networks, mounts, ports,
                healthCheck, restartPolicy, user, workingDir);
    }

    /** The same container without this variable, so that its image's own value applies. */
    public ContainerSpec withoutVariable(String variable) {
        Map<String, String> left = new LinkedHashMap<>(environment);
        left.remove(variable);
        return new ContainerSpec(name, image, imageId, left, command, entrypoint, labels, networks, mounts, ports,
                healthCheck, restartPolicy, user, workingDir);
    }

    /** The same container with the volume or directory mounted at {@code target} replaced by {@code source}. */
    public ContainerSpec withMountSource(String target, String source) {
        if (mounts.stream().noneMatch(mount -> mount.target().equals(target))) {
            throw new IllegalArgumentException("container " + name + " has no mount at " + target);
        }
        List<Mount> replaced = new ArrayList<>();
        for (Mount mount : mounts) {
            replaced.add(mount.target().equals(target) ? new Mount(mount.type(), source, target, mount.readOnly()) : mount);
        }
        return new ContainerSpec(name, image, imageId, environment, command, entrypoint, labels, networks, replaced,
                ports, healthCheck, restartPolicy, user, workingDir);
    }

    /** The same container with these mounts instead of its own. */
    public ContainerSpec withMounts(List<Mount> newMounts) {
        return new ContainerSpec(name, image, imageId, environment, command, entrypoint, labels, networks, newMounts,
                ports, healthCheck, restartPolicy, user, workingDir);
    }

    /** The same container under another name (e.g. a throwaway next to the original). */
    public ContainerSpec withName(String newName) {
        return new ContainerSpec(newName, image, imageId, environment, command, entrypoint, labels, networks, mounts,
                ports, healthCheck, restartPolicy, user, workingDir);
    }

    /**
     * The same container as a second one beside it: another name and labels, on the same networks without their
     * aliases (the service's name stays the original's), publishing no port (the original's are taken), and never
     * restarted by the engine: whoever made it decides what a failure means.
     */
    public ContainerSpec beside(String newName, Map<String, String> newLabels) {
        List<Network> unaliased = networks.stream().map(network -> new Network(network.name(), List.of())).toList();
        return new ContainerSpec(newName, image, imageId, environment, command, entrypoint, newLabels, unaliased, mounts,
                List.of(), healthCheck, "no", user, workingDir);
    }

    /** @param aliases the container's DNS names on that network (the compose service name among them) */
    public record Network(String name, List<String> aliases) {

        public Network {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** @param type "volume" or "bind" */
    public record Mount(String type, String source, String target, boolean readOnly) {
    }

    /** @param containerPort e.g. "5432/tcp"; {@code hostIp} and {@code hostPort} as published, or null */
    public record PortBinding(String containerPort, String hostIp, String hostPort) {
    }

    /** Durations in nanoseconds, as Docker keeps them. */
    public record HealthCheck(List<String> test, long intervalNanos, long timeoutNanos, long startPeriodNanos,
                              int retries) {

        public HealthCheck {
            test = test == null ? List.of() : List.copyOf(test);
        }
    }
}
