package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store never falls behind the world: on the default H2 store (one file shared by every process), the process
 * driving an upgrade is stopped again and again — SIGTERM and SIGKILL in turn — at a random moment while another
 * process starts on the same store, then {@code resume} carries on. After each round, once every process has
 * exited, every step a process announced as done is done in the store's read model, and at the end a rebuild from
 * the events changes no read model. {@code -Dupshift.soak.upgrades=N} repeats it on N stacks (a soak); CI runs one.
 */
class StoreKeepsUpIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final Pattern DONE = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d done\\s+(\\S+) ");
    private static final Pattern STARTED = Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d start\\s");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROUNDS = 12;

    @TempDir
    Path home;

    @Test
    void givenTheDrivingProcessStoppedAgainAndAgainWhileAnotherStartsWhenAllHaveExitedThenTheStoreHoldsEveryStepDone()
            throws Exception {
        int upgrades = Integer.getInteger("upshift.soak.upgrades", 1);
        long seed = Long.getLong("upshift.soak.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("StoreKeepsUpIT seed " + seed + ", " + upgrades + " upgrade(s)");
        int stops = 0;
        for (int upgrade = 1; upgrade <= upgrades; upgrade++) {
            try (SampleStack stack = SampleStack.start()) {
                String id = "soak-" + upgrade;
                Upshift upshift = Upshift.planned(home, stack, TARGET, id);
                Set<String> announced = new HashSet<>();
                for (int round = 0; round < MAX_ROUNDS && !atRest(upshift, id); round++, stops++) {
                    Upshift.Running driver = round == 0 ? upshift.start("run", id, "--yes") : upshift.start("resume", id);
                    awaitStepUnderWay(driver);
                    Thread.sleep(random.nextInt(4_000));
                    Upshift.Running starting = upshift.start("status", id);
                    if (stops % 2 == 0) {
                        driver.process().destroy();
                    } else {
                        driver.process().destroyForcibly();
                    }
                    assertThat(driver.process().waitFor(60, TimeUnit.SECONDS)).as("the driver stopped").isTrue();
                    assertThat(starting.process().waitFor(60, TimeUnit.SECONDS)).as("the reader ended").isTrue();
                    announced.addAll(doneIn(driver));

                    assertThat(doneInTheReadModel(upshift, id)).as("round %d: every step announced as done is "
                            + "done in the store", round).containsAll(announced);
                }
                Upshift.Result finish = upshift.run("resume", id);
                assertThat(finish.exitCode()).as(finish.toString()).isIn(0, 2); // 2: it was already at rest
                assertThat(upshift.run("status", id, "--json").stdout()).contains("\"COMPLETED\"");

                String before = readModels(upshift, id);
                Upshift.Result rebuild = upshift.run("rebuild");
                assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
                assertThat(readModels(upshift, id)).as("the read models are what the events say").isEqualTo(before);
            }
        }
        System.out.println("StoreKeepsUpIT: " + stops + " stops survived");
    }

    /** Until the driver has printed a step's start (a JVM's own start-up takes seconds on a loaded machine). */
    private static void awaitStepUnderWay(Upshift.Running driver) throws InterruptedException {
        Upshift.awaitWorld("the driver running a step", () -> !driver.process().isAlive()
                || STARTED.matcher(read(driver.output())).find());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static boolean atRest(Upshift upshift, String id) throws IOException {
        JsonNode status = JSON.readTree(upshift.run("status", id, "--json").stdout());
        return List.of("COMPLETED", "ROLLED_BACK", "ROLLBACK_FAILED").contains(status.get("status").asText());
    }

    private static Set<String> doneIn(Upshift.Running process) throws IOException {
        Set<String> done = new HashSet<>();
        for (Path output : List.of(process.output(), process.errors())) {
            Matcher line = DONE.matcher(read(output));
            while (line.find()) {
                done.add(line.group(1));
            }
        }
        return done;
    }

    private static Set<String> doneInTheReadModel(Upshift upshift, String id) throws IOException {
        Set<String> done = new HashSet<>();
        for (JsonNode row : JSON.readTree(upshift.run("log", id, "--json").stdout())) {
            if ("DONE".equals(row.get("status").asText())) {
                done.add(row.get("step").asText());
            }
        }
        return done;
    }

    private static String readModels(Upshift upshift, String id) {
        return upshift.run("log", id, "--json").stdout() + upshift.run("status", id, "--json").stdout()
                + upshift.run("audit", "--id", id).stdout();
    }
}
