package dev.upshift.shell.e2e;

import static dev.upshift.shell.e2e.ShellSession.ENTER;
import static dev.upshift.shell.e2e.ShellSession.TAB;
import static dev.upshift.shell.e2e.ShellSession.UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upshift} with no arguments, in a pseudo-terminal: the operator types, Tab completes the upgrade ids
 * from the store, the commands answer as their one-shot forms do, and the history outlives the session.
 */
class InteractiveShellIT {

    private static final String PROMPT = "upshift:>";
    private static final String UPGRADE = "shell-pg17";

    @TempDir
    Path home;

    @Test
    void givenAPlannedUpgradeWhenTypingInTheShellThenTabCompletesItsIdTheCommandsAnswerAndTheNextSessionRecallsThem()
            throws Exception {
        String project;
        try (SampleStack stack = SampleStack.start()) {
            project = stack.project();
            Upshift upshift = Upshift.planned(home, stack, "upshift-testbed/postgres:17", UPGRADE);

            try (ShellSession shell = upshift.interactive()) {
                shell.awaitShown(PROMPT);

                shell.type("preflight shell-" + TAB);
                shell.awaitShown("pg17");
                shell.type(ENTER);
                assertThat(shell.awaitShown(PROMPT))
                        .contains("| Phase 0.4", "Pre-flight passed. Next: upshift run " + UPGRADE);

                shell.type("status shell-" + TAB);
                shell.awaitShown("pg17");
                shell.type(ENTER);
                assertThat(shell.awaitShown(PROMPT)).contains("# Upgrade " + UPGRADE, "| Status", "PREFLIGHT_PASSED");

                shell.type("list" + ENTER);
                assertThat(shell.awaitShown(PROMPT)).contains("| " + UPGRADE, "PREFLIGHT_PASSED");

                shell.type("log --id sh" + TAB);
                shell.awaitShown("ell-pg17");
                shell.type(ENTER);
                assertThat(shell.awaitShown(PROMPT)).contains("| Phase 0.1", "| Phase 0.4");

                shell.type("status nosuch" + ENTER);
                List<String> answer = shell.awaitShown(PROMPT).lines().skip(1).filter(line -> !line.isBlank()).toList();
                assertThat(answer).as("one line, and the shell stays open").singleElement(STRING)
                        .startsWith("upshift: there is no upgrade 'nosuch' in the store");

                shell.type("help" + ENTER);
                assertThat(shell.awaitShown(PROMPT)).contains("AVAILABLE COMMANDS", "preflight:", "status:", "log:");

                shell.type("exit" + ENTER);
                assertThat(shell.awaitExit()).as(shell.screen()).isZero();
            }

            Path history = home.resolve("history.log");
            assertThat(Files.readAllLines(history)).map(line -> line.substring(line.indexOf(':') + 1))
                    .containsExactly("preflight " + UPGRADE, "status " + UPGRADE, "list", "log --id " + UPGRADE,
                            "status nosuch", "help", "exit");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");

            try (ShellSession nextSession = upshift.interactive()) {
                nextSession.awaitShown(PROMPT);
                nextSession.type(UP);
                nextSession.awaitShown("exit");
                nextSession.type(ENTER);
                assertThat(nextSession.awaitExit()).as("the last command of the session before, recalled")
                        .isZero();
            }
        }
        String containersLeft = ExternalCommand.of(Duration.ofSeconds(30), "docker", "ps", "--all", "--quiet",
                "--filter", "label=com.docker.compose.project=" + project).run().stdoutOrThrow();
        assertThat(containersLeft).as("the stack's containers").isBlank();
    }
}
