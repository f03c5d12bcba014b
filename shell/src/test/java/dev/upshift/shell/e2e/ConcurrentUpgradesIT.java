package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades side by side on the default store: three stacks run by three processes at once, an interactive shell
 * open on the same store throughout, and a fourth process that asks to run an upgrade another one drives.
 */
class ConcurrentUpgradesIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final String PROMPT = "upshift:>";
    private static final List<String> UPGRADES = List.of("side-a", "side-b", "side-c");

    @TempDir
    Path home;

    @Test
    void givenThreeStacksAndAnOpenShellWhenThreeProcessesRunThemAtOnceThenAllCompleteEachStepOnceAndAFourthIsToldWhoDrives()
            throws Exception {
        List<SampleStack> stacks = new ArrayList<>();
        try {
            for (String upgrade : UPGRADES) {
                stacks.add(SampleStack.start());
                Upshift.planned(home, stacks.get(stacks.size() - 1), TARGET, upgrade);
            }
            Upshift upshift = new Upshift(home);
            try (ShellSession shell = upshift.interactive()) {
                shell.awaitShown(PROMPT);
                shell.type("list" + ShellSession.ENTER);
                assertThat(shell.awaitShown(PROMPT)).contains("| side-c");

                List<Upshift.Running> runs = UPGRADES.stream().map(upgrade -> upshift.start("run", upgrade, "--yes"))
                        .toList();
                // the world, not the store: a connection of this JVM could make it the H2 file's server
                Upshift.awaitWorld("side-a's first backup", () -> Files.exists(RolledBack.backups(stacks.get(0))
                        .resolve("side-a_pre_pg17.dump")));
                Upshift.Result fourth = upshift.run("run", "side-a", "--yes");

                assertThat(fourth.exitCode()).as(fourth.toString()).isEqualTo(2);
                assertThat(fourth.stdout() + fourth.stderr())
                        .containsPattern("upgrade side-a is driven by [^,]+, pid \\d+ on .+ since \\d{4}-\\d\\d-\\d\\d")
                        .contains("follow it with `upshift log side-a`");
                for (Upshift.Running run : runs) {
                    assertThat(run.process().waitFor(8, TimeUnit.MINUTES)).as("ended within 8 minutes").isTrue();
                    assertThat(run.result().exitCode()).as(run.result().toString()).isZero();
                    assertThat(run.result().stdout()).contains("Upgrade completed");
                }

                shell.type("list" + ShellSession.ENTER);
                String list = shell.awaitShown(PROMPT);
                UPGRADES.forEach(upgrade -> assertThat(list).containsPattern("\\| " + upgrade + " .*COMPLETED"));
                shell.type("exit" + ShellSession.ENTER);
                assertThat(shell.awaitExit()).as(shell.screen()).isZero();
            }
            Map<String, Long> started = upshift.stepsStarted();
            assertThat(started).as("every step of every upgrade, once").allSatisfy((step, times) ->
                    assertThat(times).as(step).isOne());
            UPGRADES.forEach(upgrade -> assertThat(started).containsKeys(upgrade + " 0.1", upgrade + " 3.5",
                    upgrade + " 4.4"));
            assertThat(upshift.events("RunStarted")).as("the fourth process started nothing").hasSize(3);
            for (SampleStack stack : stacks) {
                assertThat(stack.psql("SHOW server_version_num")).startsWith("17");
            }
        } finally {
            stacks.forEach(SampleStack::close);
        }
    }
}
