package dev.upshift.orchestrator.ports;

import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * The Docker engines one process may act on, by address, so that one node drives upgrades on several engines.
 * An engine is reached only once it is asked for: a command that never talks to Docker never builds a client.
 */
public interface ContainerEngines {

    /**
     * The engine at this address ({@code unix:///path/docker.sock}, {@code tcp://HOST:PORT}); null or blank: this
     * process's default engine ({@code --docker-host}, {@code UPSHIFT_DOCKER_HOST}, else Docker's own default).
     *
     * @throws InvalidInput when the address is not one an engine can be reached at
     */
    ContainerEngine at(String address);

    /** The engine a plan acts on: the address it recorded, or, for none, the default of the process that drives it. */
    default ContainerEngine of(UpgradePlan plan) {
        return at(plan.dockerHost());
    }
}
