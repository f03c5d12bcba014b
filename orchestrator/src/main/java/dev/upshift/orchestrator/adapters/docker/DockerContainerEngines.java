package dev.upshift.orchestrator.adapters.docker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerEngines;
import dev.upshift.orchestrator.ports.InvalidInput;

/**
 * One {@link DockerContainerEngine} per address, built the first time that address is asked for (a command that
 * never talks to Docker pays for no client) and kept for the process's life. Only the addresses docker-java's
 * transport can reach are accepted: {@code unix://} and {@code tcp://}.
 */
public class DockerContainerEngines implements ContainerEngines {

    /** The key of the default engine when no address is configured: docker-java resolves DOCKER_HOST itself. */
    private static final String DOCKER_DEFAULT = "";

    private final String defaultAddress;
    private final Function<String, ContainerEngine> connect;
    private final Map<String, ContainerEngine> engines = new ConcurrentHashMap<>();

    /** @param defaultAddress this process's engine ({@code upshift.docker-host}), or null for Docker's default */
    public DockerContainerEngines(String defaultAddress) {
        this(defaultAddress, DockerContainerEngine::new);
    }

    /** @param connect builds the engine at an address (null: Docker's default) */
    DockerContainerEngines(String defaultAddress, Function<String, ContainerEngine> connect) {
        this.defaultAddress = isBlank(defaultAddress) ? DOCKER_DEFAULT : defaultAddress.strip();
        this.connect = connect;
    }

    @Override
    public ContainerEngine at(String address) {
        String key = isBlank(address) ? defaultAddress : address.strip();
        if (!key.equals(DOCKER_DEFAULT)) {
            check(key);
        }
        return engines.computeIfAbsent(key, given -> connect.apply(given.equals(DOCKER_DEFAULT) ? null : given));
    }

    /** @throws InvalidInput unless docker-java can reach an engine at the address */
    static void check(String address) {
        URI uri = parse(address);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean usable = switch (scheme) {
            case "unix" -> uri.getRawAuthority() == null && uri.getPath() != null && uri.getPath().length() > 1;
            case "tcp" -> uri.getHost() != null && uri.getPort() > 0
                    && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"));
            case "ssh" -> throw new InvalidInput("the Docker engine address " + address + " is SSH, which Upshift's "
                    + "Docker client (docker-java) cannot speak; forward the engine's socket with `ssh -nNT -L "
                    + "/tmp/remote-docker.sock:/var/run/docker.sock user@host` and use --docker-host "
                    + "unix:///tmp/remote-docker.sock");
            default -> false;
        };
        if (!usable) {
            throw unusable(address);
        }
    }

    private static URI parse(String address) {
        try {
            return new URI(address);
        } catch (URISyntaxException malformed) {
            throw unusable(address);
        }
    }

    private static InvalidInput unusable(String address) {
        return new InvalidInput("'" + address + "' is not a Docker engine address Upshift can use; write "
                + "unix:///path/to/docker.sock or tcp://HOST:PORT");
    }

    private static boolean isBlank(String address) {
        return address == null || address.isBlank();
    }
}
