package dev.upshift.orchestrator.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;

/** A compose env_file: KEY=VALUE lines, # comments, values optionally quoted. */
public final class EnvFile {

    private EnvFile() {
    }

    /** A service's environment as compose gives it: its env files in order, then its environment block over them. */
    public static Map<String, String> environmentOf(ComposeService service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service.envFiles().forEach(file -> environment.putAll(read(file)));
        environment.putAll(service.environment());
        return environment;
    }

    public static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                    continue;
                }
                values.put(trimmed.substring(0, equals).strip(), unquote(trimmed.substring(equals + 1).strip()));
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read env file " + file, unreadable);
        }
        return values;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"));
        return quoted ? value.substring(1, value.length() - 1) : value;
    }
}
