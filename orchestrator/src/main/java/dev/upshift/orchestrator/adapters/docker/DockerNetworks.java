package dev.upshift.orchestrator.adapters.docker;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.upshift.orchestrator.ports.ContainerEngine;

/** Networks of Upshift's own: internal (no way out of the engine), made and removed by the upgrade that labels them. */
final class DockerNetworks {

    private final DockerClient docker;

    DockerNetworks(DockerClient docker) {
        this.docker = docker;
    }

    void createInternalNetwork(String name, Map<String, String> labels) {
        if (!docker.listNetworksCmd().withNameFilter(name).exec().stream().filter(found -> found.getName().equals(name))
                .toList().isEmpty()) {
            return;
        }
        docker.createNetworkCmd().withName(name).withInternal(true).withLabels(labels).exec();
    }

    void removeNetworkMadeBy(String upgradeId, String name) {
        Network network;
        try {
            network = docker.inspectNetworkCmd().withNetworkId(name).exec();
        } catch (NotFoundException gone) {
            return;
        }
        Map<String, String> labels = network.getLabels();
        if (labels == null || !upgradeId.equals(labels.get(ContainerEngine.MADE_BY))) {
            throw new IllegalStateException("network " + name + " is not made by " + upgradeId + "; it is kept");
        }
        docker.removeNetworkCmd(name).exec();
    }

    List<String> networksMadeBy(String upgradeId) {
        return docker.listNetworksCmd().withFilter("label", List.of(ContainerEngine.MADE_BY + "=" + upgradeId)).exec()
                .stream().map(Network::getName).sorted().toList();
    }
}
