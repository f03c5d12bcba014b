package dev.upshift.orchestrator.adapters.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import dev.upshift.orchestrator.api.ContainerSpec;

/** Creates a container from a spec; docker-java's builders throw on nulls, so every optional field is guarded. */
final class ContainerCreator {

    /** Networks on which Docker refuses network-scoped aliases. */
    private static final Set<String> BUILT_IN_NETWORKS = Set.of("bridge", "default", "host", "none");

    private final DockerClient docker;

    ContainerCreator(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * @throws IllegalArgumentException when an environment value is missing (the message names the variable only)
     * @throws IllegalStateException when a container of that name exists already
     */
    String create(ContainerSpec spec) {
        List<String> missing = spec.missingEnvironment();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("cannot create container " + spec.name()
                    + ": no value for environment variable(s) " + String.join(", ", missing)
                    + " (read them from their source first)");
        }
        CreateContainerCmd create = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withLabels(spec.labels())
                .withHostConfig(hostConfig(spec));
        if (spec.command() != null) {
            create.withCmd(spec.command());
        }
        if (spec.entrypoint() != null) {
            create.withEntrypoint(spec.entrypoint());
        }
        if (spec.healthCheck() != null) {
            create.withHealthcheck(healthCheck(spec.healthCheck()));
        }
        if (spec.user() != null) {
            create.withUser(spec.user());
        }
        if (spec.workingDir() != null) {
            create.withWorkingDir(spec.workingDir());
        }
        List<ExposedPort> exposed = spec.ports().stream().map(port -> ExposedPort.parse(port.containerPort())).distinct().toList();
        if (!exposed.isEmpty()) {
            create.withExposedPorts(exposed);
        }
        if (!spec.networks().isEmpty() && takesAliases(spec.networks().get(0))) {
            // with the host config's network mode, docker-java turns these into the endpoint config of that network
            create.withAliases(spec.networks().get(0).aliases());
        }
        String id;
        try {
            id = create.exec().getId();
        } catch (ConflictException exists) {
            throw new IllegalStateException("a container named " + spec.name() + " exists already", exists);
        } catch (NotFoundException noImageOrNetwork) {
            throw new IllegalStateException("cannot create container " + spec.name() + " (image " + spec.image()
                    + "): " + noImageOrNetwork.getMessage(), noImageOrNetwork);
        }
        try {
            connectOtherNetworks(id, spec.networks());
        } catch (RuntimeException notConnected) {
            // a half-connected container would be mistaken for a finished one on a retry
            docker.removeContainerCmd(id).withRemoveVolumes(false).withForce(true).exec();
            throw notConnected;
        }
        return id;
    }

    private static HostConfig hostConfig(ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig()
                .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy() == null ? "no" : spec.restartPolicy()));
        List<Mount> mounts = new ArrayList<>();
        for (ContainerSpec.Mount mount : spec.mounts()) {
            mounts.add(new Mount()
                    .withType("bind".equals(mount.type()) ? MountType.BIND : MountType.VOLUME)
                    .withSource(mount.source())
                    .withTarget(mount.target())
                    .withReadOnly(mount.readOnly()));
        }
        if (!mounts.isEmpty()) {
            host.withMounts(mounts);
        }
        Ports ports = new Ports();
        boolean published = false;
        for (ContainerSpec.PortBinding port : spec.ports()) {
            ports.bind(ExposedPort.parse(port.containerPort()), new Ports.Binding(port.hostIp(), port.hostPort()));
            published = true;
        }
        if (published) {
            host.withPortBindings(ports);
        }
        if (!spec.networks().isEmpty()) {
            host.withNetworkMode(spec.networks().get(0).name());
        }
        return host;
    }

    private void connectOtherNetworks(String id, List<ContainerSpec.Network> networks) {
        for (ContainerSpec.Network network : networks.subList(Math.min(1, networks.size()), networks.size())) {
            ContainerNetwork endpoint = new ContainerNetwork();
            if (takesAliases(network)) {
                endpoint.withAliases(new ArrayList<>(new LinkedHashSet<>(network.aliases())));
            }
            docker.connectToNetworkCmd().withContainerId(id).withNetworkId(network.name())
                    .withContainerNetwork(endpoint).exec();
        }
    }

    private static boolean takesAliases(ContainerSpec.Network network) {
        return !network.aliases().isEmpty() && !BUILT_IN_NETWORKS.contains(network.name());
    }

    private static HealthCheck healthCheck(ContainerSpec.HealthCheck check) {
        return new HealthCheck()
                .withTest(check.test())
                .withInterval(check.intervalNanos())
                .withTimeout(check.timeoutNanos())
                .withStartPeriod(check.startPeriodNanos())
                .withRetries(check.retries());
    }
}
