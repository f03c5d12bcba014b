package dev.upshift.orchestrator.adapters.docker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.upshift.orchestrator.api.ContainerSpec;

/** Reads a container's spec: what it was given beyond its image, so that it can run on another image. */
final class ContainerSpecReader {

    /** Docker adds the short id as an alias on every user-defined network: it belongs to the old container only. */
    private static final int SHORT_ID_LENGTH = 12;

    private ContainerSpecReader() {
    }

    static ContainerSpec read(InspectContainerResponse container, InspectImageResponse image) {
        ContainerConfig config = container.getConfig();
        ContainerConfig defaults = image.getConfig() == null ? new ContainerConfig() : image.getConfig();
        List<String> entrypoint = unlessDefault(list(config.getEntrypoint()), list(defaults.getEntrypoint()));
        // a container given its own entrypoint does not inherit the image's command: keep the one it runs
        List<String> command = entrypoint != null ? nullIfEmpty(list(config.getCmd()))
                : unlessDefault(list(config.getCmd()), list(defaults.getCmd()));
        HostConfig host = container.getHostConfig();
        return new ContainerSpec(
                container.getName().replaceFirst("^/", ""),
                config.getImage(),
                container.getImageId(),
                environment(config.getEnv(), defaults.getEnv()),
                command,
                entrypoint,
                labels(config.getLabels(), defaults.getLabels()),
                networks(container),
                mounts(container),
                ports(host == null ? null : host.getPortBindings()),
                healthCheck(config, defaults),
                restartPolicy(host == null ? null : host.getRestartPolicy()),
                unlessDefault(config.getUser(), defaults.getUser()),
                unlessDefault(config.getWorkingDir(), defaults.getWorkingDir()));
    }

    private static Map<String, String> environment(String[] containerEnv, String[] imageEnv) {
        Set<String> supplied = Set.copyOf(list(imageEnv));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : list(containerEnv)) {
            if (supplied.contains(entry)) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            String value = equals < 0 ? "" : entry.substring(equals + 1);
            environment.put(name, ContainerSpec.looksSecret(name) ? null : value);
        }
        return environment;
    }

    private static Map<String, String> labels(Map<String, String> containerLabels, Map<String, String> imageLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (containerLabels != null) {
            containerLabels.forEach((key, value) -> {
                if (imageLabels == null || !Objects.equals(imageLabels.get(key), value)) {
                    labels.put(key, value);
                }
            });
        }
        return labels;
    }

    /** The network of the container's network mode comes first: it is the one the container is created on. */
    private static List<ContainerSpec.Network> networks(InspectContainerResponse container) {
        Map<String, ContainerNetwork> attached = container.getNetworkSettings() == null ? null
                : container.getNetworkSettings().getNetworks();
        if (attached == null) {
            return List.of();
        }
        String shortId = container.getId().substring(0, SHORT_ID_LENGTH);
        String mode = container.getHostConfig() == null ? null : container.getHostConfig().getNetworkMode();
        List<ContainerSpec.Network> networks = new ArrayList<>();
        attached.forEach((name, endpoint) -> {
            List<String> aliases = endpoint.getAliases() == null ? List.of()
                    : endpoint.getAliases().stream().filter(alias -> !alias.equals(shortId)).distinct().toList();
            ContainerSpec.Network network = new ContainerSpec.Network(name, aliases);
            if (name.equals(mode)) {
                networks.add(0, network);
            } else {
                networks.add(network);
            }
        });
        return networks;
    }

    /**
     * A mount with a name is a volume (recorded by name), one without is a directory of the host. Docker lists
     * mounts in no stable order; sorted by target, the same container always gives the same spec.
     */
    private static List<ContainerSpec.Mount> mounts(InspectContainerResponse container) {
        if (container.getMounts() == null) {
            return List.of();
        }
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        for (InspectContainerResponse.Mount mount : container.getMounts()) {
            boolean volume = mount.getName() != null && !mount.getName().isEmpty();
            String target = mount.getDestination() == null ? null : mount.getDestination().getPath();
            mounts.add(new ContainerSpec.Mount(volume ? "volume" : "bind", volume ? mount.getName() : mount.getSource(),
                    target, Boolean.FALSE.equals(mount.getRW())));
        }
        mounts.sort(Comparator.comparing(ContainerSpec.Mount::target, Comparator.nullsFirst(Comparator.naturalOrder())));
        return mounts;
    }

    private static List<ContainerSpec.PortBinding> ports(Ports bindings) {
        if (bindings == null || bindings.getBindings() == null) {
            return List.of();
        }
        List<ContainerSpec.PortBinding> ports = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : bindings.getBindings().entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            for (Ports.Binding binding : entry.getValue()) {
                ports.add(new ContainerSpec.PortBinding(entry.getKey().toString(), emptyToNull(binding.getHostIp()),
                        emptyToNull(binding.getHostPortSpec())));
            }
        }
        return ports;
    }

    private static ContainerSpec.HealthCheck healthCheck(ContainerConfig config, ContainerConfig defaults) {
        ContainerSpec.HealthCheck own = healthCheck(config.getHealthcheck());
        return Objects.equals(own, healthCheck(defaults.getHealthcheck())) ? null : own;
    }

    private static ContainerSpec.HealthCheck healthCheck(com.github.dockerjava.api.model.HealthCheck check) {
        if (check == null || check.getTest() == null || check.getTest().isEmpty()) {
            return null;
        }
        return new ContainerSpec.HealthCheck(check.getTest(), zeroIfNull(check.getInterval()),
                zeroIfNull(check.getTimeout()), zeroIfNull(check.getStartPeriod()),
                check.getRetries() == null ? 0 : check.getRetries());
    }

    private static String restartPolicy(RestartPolicy policy) {
        return policy == null || policy.getName() == null ? "no" : policy.toString();
    }

    private static <T> T unlessDefault(T own, T imageDefault) {
        return own == null || own.equals(imageDefault) || "".equals(own) ? null : own;
    }

    private static List<String> unlessDefault(List<String> own, List<String> imageDefault) {
        return own.equals(imageDefault) ? null : own;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static List<String> nullIfEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }
}
