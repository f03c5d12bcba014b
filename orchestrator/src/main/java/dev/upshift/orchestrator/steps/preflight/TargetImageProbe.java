package dev.upshift.orchestrator.steps.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.upshift.orchestrator.api.TargetImageContents;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.steps.StepFailure;

/**
 * What 0.4 asks a throwaway container of the target image, and how its answer reads: one fact a line, tagged, from
 * where Debian's packages and the official images keep the server's libraries and extension files. 0.4 records the
 * answer, and 0.5 judges it without running the image again.
 */
final class TargetImageProbe {

    private static final String COMMAND = """
            postgres --version
            echo "libc: $(getconf GNU_LIBC_VERSION 2>/dev/null)"
            for d in /usr/lib/postgresql/*/lib /usr/local/lib/postgresql; do [ -d "$d" ] && ls "$d" | sed 's/^/lib: /'; done
            for d in /usr/share/postgresql/*/extension /usr/local/share/postgresql/extension; do
                [ -d "$d" ] && ls "$d" | sed 's/^/extension: /'
            done
            locale -a 2>/dev/null | sed 's/^/locale: /'
            true""";

    private static final Pattern GLIBC = Pattern.compile("^glibc (\\S+)$");

    private TargetImageProbe() {
    }

    /** One throwaway container of the image, and its answer read. */
    static TargetImageContents run(ContainerEngine engine, String image) {
        CommandResult probe = engine.runOnce(image, List.of("sh", "-c", COMMAND));
        return parse(image, probe.stdout() + probe.stderr());
    }

    static TargetImageContents parse(String image, String output) {
        List<String> versions = ServerVersions.in(output);
        if (versions.isEmpty()) {
            throw new StepFailure("the target image " + image + " has no PostgreSQL server: "
                    + output.strip().lines().findFirst().orElse("no output"));
        }
        String libc = null;
        List<String> libraries = new ArrayList<>();
        List<String> extensionFiles = new ArrayList<>();
        List<String> locales = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("libc: ")) {
                Matcher glibc = GLIBC.matcher(value(line));
                libc = glibc.matches() ? glibc.group(1) : null;
            } else if (line.startsWith("lib: ") && line.endsWith(".so")) {
                libraries.add(value(line).substring(0, value(line).length() - ".so".length()));
            } else if (line.startsWith("extension: ")) {
                extensionFiles.add(value(line));
            } else if (line.startsWith("locale: ")) {
                locales.add(value(line));
            }
        }
        return new TargetImageContents(versions.get(0), libc, libraries, extensionFiles, locales);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(": ") + 2).strip();
    }
}
