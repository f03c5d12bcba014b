package dev.upshift.shell.e2e;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;

/** What the sample stack shows from outside: versions, health, and the rows its worker says it committed. */
final class StackFacts {

    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");

    private StackFacts() {
    }

    static int serverMajor(SampleStack stack) {
        return Integer.parseInt(stack.psql("SHOW server_version_num").strip()) / 10_000;
    }

    static String health(SampleStack stack, String service) {
        return ExternalCommand.of(QUICK, "docker", "inspect", "-f", "{{.State.Status}}/{{.State.Health.Status}}",
                stack.containerId(service)).run().stdoutOrThrow().strip();
    }

    /** The image the database service's container runs, whichever container that is now. */
    static String serverImage(SampleStack stack) {
        return ExternalCommand.of(QUICK, "docker", "inspect", "-f", "{{.Config.Image}}", stack.containerId("db")).run()
                .stdoutOrThrow().strip();
    }

    /** The named volumes the database service's container mounts, as "volume at target", whichever container that is now. */
    static String volumeMounts(SampleStack stack) {
        return ExternalCommand.of(QUICK, "docker", "inspect", "-f",
                "{{range .Mounts}}{{if .Name}}{{.Name}} at {{.Destination}} {{end}}{{end}}", stack.containerId("db")).run()
                .stdoutOrThrow().strip();
    }

    /** Every id the worker printed as committed, over all its runs (docker keeps the log across restarts). */
    static Set<Long> committedByWorker(SampleStack stack) {
        String log = ExternalCommand.of(QUICK, "docker", "logs", stack.containerId("worker")).run().stdout();
        Set<Long> ids = new TreeSet<>();
        Matcher matcher = COMMITTED.matcher(log);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    static Set<Long> siteEventIds(SampleStack stack) {
        return Arrays.stream(stack.psql("SELECT id FROM site_events").split("\\R"))
                .map(String::strip).filter(line -> !line.isEmpty()).map(Long::parseLong)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean volumeExists(String name) {
        return ExternalCommand.of(QUICK, "docker", "volume", "inspect", name).run().succeeded();
    }

    /** A file of a volume, read by a throwaway container of the test bed's 15 image. */
    static String fileInVolume(String volume, String path) {
        return ExternalCommand.of(QUICK, "docker", "run", "--rm", "--entrypoint", "cat", "-v", volume + ":/volume:ro",
                "upshift-testbed/postgres:15", "/volume/" + path).run().stdout().strip();
    }
}
