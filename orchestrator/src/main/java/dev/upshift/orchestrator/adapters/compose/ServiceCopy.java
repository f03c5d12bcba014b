package dev.upshift.orchestrator.adapters.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.upshift.orchestrator.ports.InvalidInput;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A compose file of some services taken from another file: its own project name, nothing that ties it to the original
 * project (dependencies on services left out, networks, published ports, fixed container names), its relative paths
 * made absolute so that it works from any directory, and its named volumes declared plainly, so that they are the new
 * project's.
 */
final class ServiceCopy {

    /** What would tie the copy to the original project, or clash with it on the same engine. */
    private static final Set<String> LEFT_OUT = Set.of("container_name", "ports", "networks",
            "network_mode", "links", "external_links", "build", "extends");

    private ServiceCopy() {
    }

    /** @param text the original, already known to load as a compose file */
    static String of(Path file, String text, List<String> names, String project) {
        Path directory = file.toAbsolutePath().normalize().getParent();
        // numbers and booleans as YAML types, so that they are written back as such (retries: 5, not '5')
        Map<?, ?> services = (Map<?, ?>) ((Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text))
                .get("services");
        Map<String, Object> copied = new LinkedHashMap<>();
        Map<String, Object> volumes = new LinkedHashMap<>();
        for (String service : names) {
            if (!(services.get(service) instanceof Map<?, ?> original)) {
                throw new InvalidInput("compose file " + file + " has no service " + service + " written as a mapping");
            }
            copied.put(service, copy(directory, original, names, volumes));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("name", project);
        copy.put("services", copied);
        if (!volumes.isEmpty()) {
            copy.put("volumes", volumes);
        }
        return "# Written by Upshift for a rehearsal: " + String.join(", ", names) + " of " + file + ", as project "
                + project + ".\n" + yaml().dump(copy);
    }

    private static Map<Object, Object> copy(Path directory, Map<?, ?> original, List<String> names,
                                            Map<String, Object> volumes) {
        Map<Object, Object> definition = new LinkedHashMap<>(original);
        LEFT_OUT.forEach(definition::remove);
        Object dependsOn = definition.remove("depends_on");
        if (dependsOn instanceof Map<?, ?> conditions) {
            Map<Object, Object> kept = new LinkedHashMap<>(conditions);
            kept.keySet().retainAll(names);
            definition.put("depends_on", kept);
        } else if (dependsOn instanceof List<?> services) {
            definition.put("depends_on", services.stream().filter(names::contains).toList());
        }
        if (definition.get("env_file") != null) {
            definition.put("env_file", envFiles(directory, definition.get("env_file")));
        }
        if (definition.get("volumes") instanceof List<?> mounts) {
            definition.put("volumes", mounts.stream().map(mount -> absolute(directory, mount, volumes)).toList());
        }
        return definition;
    }

    private static Object envFiles(Path directory, Object envFiles) {
        List<?> entries = envFiles instanceof List<?> list ? list : List.of(envFiles);
        List<Object> absolute = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> longSyntax) {
                Map<Object, Object> resolved = new LinkedHashMap<>(longSyntax);
                resolved.put("path", directory.resolve(String.valueOf(longSyntax.get("path"))).normalize().toString());
                absolute.add(resolved);
            } else {
                absolute.add(directory.resolve(String.valueOf(entry)).normalize().toString());
            }
        }
        return absolute;
    }

    /** A bind's relative source made absolute; a named volume's name noted, to be declared. */
    private static Object absolute(Path directory, Object mount, Map<String, Object> named) {
        if (mount instanceof Map<?, ?> longSyntax) {
            Object source = longSyntax.get("source");
            if (!(source instanceof String path)) {
                return mount;
            }
            if ("volume".equals(longSyntax.get("type"))) {
                named.put(path, new LinkedHashMap<>());
                return mount;
            }
            Map<Object, Object> resolved = new LinkedHashMap<>(longSyntax);
            resolved.put("source", resolvedPath(directory, path));
            return resolved;
        }
        String[] parts = String.valueOf(mount).split(":", 2);
        if (parts.length == 1) {
            return mount;
        }
        if (!parts[0].contains("/") && !parts[0].startsWith(".") && !parts[0].startsWith("~")) {
            named.put(parts[0], new LinkedHashMap<>());
            return mount;
        }
        return resolvedPath(directory, parts[0]) + ":" + parts[1];
    }

    private static String resolvedPath(Path directory, String path) {
        return path.startsWith("~") ? path : directory.resolve(path).normalize().toString();
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options);
    }
}
