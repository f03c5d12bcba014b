package dev.upshift.orchestrator.steps.preflight;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The server versions that {@code postgres --version} printed ("postgres (PostgreSQL) 17.7 (Debian 17.7-3)"), in the
 * order printed: one parse for every image the pre-flight asks.
 */
final class ServerVersions {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+(\\.\\d+)?)");

    private ServerVersions() {
    }

    /** Each version found, as "17.7" (or "18" for a version without a minor, "18beta1"). */
    static List<String> in(String output) {
        return VERSION.matcher(output).results().map(version -> version.group(1)).toList();
    }

    static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
