package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.InvalidInput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one loaded {@code services:} entry into a {@link ComposeService}, accepting every syntax Compose accepts. */
final class ComposeServiceReader {

    private final Path composeFile;
    private final Path composeDirectory;

    ComposeServiceReader(Path composeFile) {
        this.composeFile = composeFile;
        this.composeDirectory = composeFile.toAbsolutePath().normalize().getParent();
    }

    ComposeService read(String name, Object definition) {
        if (!(definition instanceof Map<?, ?> fields)) {
            throw invalid(name, "is not a mapping of settings (image:, environment:, ...)");
        }
        return new ComposeService(
                name,
                scalar(name, "image", fields.get("image")),
                dependsOn(name, fields.get("depends_on")),
                environment(name, fields.get("environment")),
                envFiles(name, fields.get("env_file")),
                volumes(name, fields.get("volumes")),
                fields.containsKey("extends"));
    }

    private List<String> dependsOn(String service, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map<?, ?> withConditions) {
            return withConditions.keySet().stream().map(String::valueOf).toList();
        }
        return listOf(service, "depends_on", value).stream()
                .map(entry -> scalar(service, "depends_on", entry))
                .toList();
    }

    private Map<String, String> environment(String service, Object value) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> {
                String text = scalar(service, "environment", entry);
                // "KEY:" without a value is taken from the shell running compose: the file holds no value for it
                if (text != null) {
                    environment.put(String.valueOf(key), text);
                }
            });
        } else if (value != null) {
            for (Object entry : listOf(service, "environment", value)) {
                String assignment = scalar(service, "environment", entry);
                int equals = assignment == null ? -1 : assignment.indexOf('=');
                // "- KEY" without "=" is taken from the shell running compose: the file holds no value for it
                if (equals > 0) {
                    environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
            }
        }
        return environment;
    }

    private List<Path> envFiles(String service, Object value) {
        if (value == null) {
            return List.of();
        }
        List<Object> entries = value instanceof String ? List.of(value) : listOf(service, "env_file", value);
        List<Path> envFiles = new ArrayList<>();
        for (Object entry : entries) {
            Object path = entry instanceof Map<?, ?> longSyntax ? longSyntax.get("path") : entry;
            if (!(path instanceof String text) || text.isBlank()) {
                throw invalid(service, "has an env_file entry that is neither a path nor a {path: ...} mapping");
            }
            envFiles.add(composeDirectory.resolve(text).normalize());
        }
        return envFiles;
    }

    private List<VolumeMount> volumes(String service, Object value) {
        if (value == null) {
            return List.of();
        }
        List<VolumeMount> volumes = new ArrayList<>();
        for (Object entry : listOf(service, "volumes", value)) {
            VolumeMount mount = entry instanceof Map<?, ?> longSyntax
                    ? longSyntaxVolume(service, longSyntax)
                    : shortSyntaxVolume(service, scalar(service, "volumes", entry));
            if (mount != null) {
                volumes.add(mount);
            }
        }
        return volumes;
    }

    /** {@code source:target[:mode]}; a bare {@code target} is an anonymous volume, listed with a null source. */
    private VolumeMount shortSyntaxVolume(String service, String entry) {
        if (entry == null || entry.isBlank()) {
            throw invalid(service, "has an empty volumes entry");
        }
        String[] parts = entry.split(":", 3);
        if (parts.length == 1) {
            return new VolumeMount(null, parts[0], false);
        }
        return new VolumeMount(parts[0], parts[1], isNamedVolume(parts[0]));
    }

    /** {@code {type, source, target}}; tmpfs and other sourceless kinds hold no data to carry over, so they are left out. */
    private VolumeMount longSyntaxVolume(String service, Map<?, ?> entry) {
        String type = scalar(service, "volumes", entry.get("type"));
        String source = scalar(service, "volumes", entry.get("source"));
        String target = scalar(service, "volumes", entry.get("target"));
        if (target == null || target.isBlank()) {
            throw invalid(service, "has a volumes entry without a target:");
        }
        if (type != null && !type.equals("volume") && !type.equals("bind")) {
            return null;
        }
        if (source == null) {
            return new VolumeMount(null, target, false);
        }
        boolean named = type == null ? isNamedVolume(source) : type.equals("volume");
        return new VolumeMount(source, target, named);
    }

    /** Compose's own rule: a source that is not a path names a volume. */
    private static boolean isNamedVolume(String source) {
        return !source.contains("/") && !source.startsWith(".") && !source.startsWith("~");
    }

    private List<Object> listOf(String service, String key, Object value) {
        if (!(value instanceof List<?> list)) {
            throw invalid(service, "has a " + key + ": that is neither a list nor a mapping");
        }
        return new ArrayList<>(list);
    }

    private String scalar(String service, String key, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid(service, "has a " + key + ": entry that is a nested block where a single value belongs");
        }
        return value == null ? null : String.valueOf(value);
    }

    private InvalidInput invalid(String service, String problem) {
        return new InvalidInput("compose file " + composeFile + ": service '" + service + "' " + problem);
    }
}
