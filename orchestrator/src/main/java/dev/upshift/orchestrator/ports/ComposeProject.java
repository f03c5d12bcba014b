package dev.upshift.orchestrator.ports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a compose file Upshift needs.
 *
 * @param name the top-level {@code name:}, or null when the file has none
 * @param services in the order the file lists them
 * @param volumes the names declared under the top-level {@code volumes:}, in file order
 */
public record ComposeProject(Path file, String name, List<ComposeService> services, List<String> volumes) {

    public ComposeProject {
        services = List.copyOf(services);
        volumes = List.copyOf(volumes);
    }

    public Optional<ComposeService> service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /**
     * @param dependsOn the services this one depends on, in file order (short and long syntax alike)
     * @param environment the {@code environment:} block (list or map syntax), values as written
     * @param envFiles the {@code env_file:} entries resolved against the compose file's directory
     * @param volumes the volume mounts, as {@code source → target}; named volumes by their short name
     * @param usesExtends true when the service takes settings from another with {@code extends:}, which Upshift
     *                    does not resolve: the other fields then hold only what the service itself writes
     */
    public record ComposeService(
            String name,
            String image,
            List<String> dependsOn,
            Map<String, String> environment,
            List<Path> envFiles,
            List<VolumeMount> volumes,
            boolean usesExtends) {

        public ComposeService {
            dependsOn = List.copyOf(dependsOn);
            environment = Map.copyOf(environment);
            envFiles = List.copyOf(envFiles);
            volumes = List.copyOf(volumes);
        }
    }

    /** @param named true for a named volume, false for a bind mount */
    public record VolumeMount(String source, String target, boolean named) {
    }
}
