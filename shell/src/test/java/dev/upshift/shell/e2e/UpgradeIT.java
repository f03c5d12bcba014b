package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runbook, for real: the sample stack from PostgreSQL 15 to 17 through the downtime gate, on the engine its
 * plan named — the local engine at a TCP address of the test's own, while every process's default engine is nowhere.
 */
class UpgradeIT {

    private static final Path DOCKER_SOCKET = Path.of("/var/run/docker.sock");
    /** Nothing listens on the discard port: a process that used its own default engine would fail at once. */
    private static final String NO_ENGINE = "tcp://127.0.0.1:9";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fails on anything before or after the one JSON document: with --json, stdout holds nothing else. */
    private static final ObjectMapper ONLY_JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path home;

    @Test
    void givenTheStackOn15WhenUpgradedThroughTheGateThenItServesOn17WithEveryCommittedRow() throws Exception {
        try (SampleStack stack = SampleStack.start(); EngineForwarder engine = EngineForwarder.to(DOCKER_SOCKET)) {
            String original = Files.readString(stack.composeFile());
            Upshift.Result planned = new Upshift(home).run("plan", "--compose", stack.composeFile().toString(), "--to",
                    "upshift-testbed/postgres:17", "--id", "to17", "--docker-host", engine.address());
            assertThat(planned.exitCode()).as(planned.toString()).isZero();
            int plannedThrough = engine.connections();
            assertThat(plannedThrough).as("the plan looked at the stack through its engine").isPositive();
            Upshift upshift = new Upshift(home).withEnvironment("UPSHIFT_DOCKER_HOST", NO_ENGINE);

            Upshift.Result atGate = upshift.run("run", "to17");
            assertThat(atGate.exitCode()).as(atGate.toString()).isEqualTo(3);
            assertThat(atGate.stdout()).contains("Waiting at the gate", "upshift approve to17");
            assertThat(StackFacts.serverMajor(stack)).as("nothing stopped before the approval").isEqualTo(15);
            assertThat(upshift.run("approve", "to17").exitCode()).isZero();
            Upshift.Result finished = upshift.run("run", "to17", "--yes", "--json");

            assertThat(finished.exitCode()).as(finished.toString()).isZero();
            JsonNode completed = ONLY_JSON.readTree(finished.stdout());
            assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
            Upgraded.assertServingWithEveryCommittedRow(stack, 17);
            assertThat(Files.readString(stack.composeFile()))
                    .contains("image: upshift-testbed/postgres:17", "- pg_data_pg17:/var/lib/postgresql/data");
            assertThat(stack.composeFile().resolveSibling("compose.yml.pre-to17")).hasContent(original);
            assertThat(StackFacts.volumeExists(stack.project() + "_pg_data")).as("the old volume is kept").isTrue();
            assertThat(Files.getPosixFilePermissions(stack.directory().resolve("backups/to17_final.dump")))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));

            JsonNode log = JSON.readTree(upshift.run("log", "to17", "--json").stdout());
            assertThat(log.findValuesAsText("step")).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "1.1", "1.2", "1.3",
                    "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "4.1", "4.2", "4.3", "4.4",
                    "5.1", "5.2", "5.3", "5.4");
            assertThat(log.findValuesAsText("status")).containsOnly("DONE");
            assertThat(engine.connections()).as("the steps went through the plan's engine").isGreaterThan(plannedThrough);
            assertStatusNamesTheNewServerAsCurrentAndThePlansEngine(upshift, engine.address());
            assertListNamesThePlansEngine(upshift, engine.address());
            assertNoSecretLeaked(stack, upshift, atGate, finished);
        }
    }

    /**
     * After completion "current" is the target and the version 3.6 verified; the baseline stays 15. The engine is the
     * one the plan recorded, next to who drove the upgrade.
     */
    private void assertStatusNamesTheNewServerAsCurrentAndThePlansEngine(Upshift upshift, String address)
            throws Exception {
        Upshift.Result printed = upshift.run("status", "to17", "--json");
        JsonNode status = ONLY_JSON.readTree(printed.stdout());

        assertThat(status.get("status").asText()).as(printed.toString()).isEqualTo("COMPLETED");
        assertThat(status.at("/current/image").asText()).isEqualTo("upshift-testbed/postgres:17");
        assertThat(status.at("/current/version").asText()).startsWith("17.");
        assertThat(status.at("/baseline/serverVersion").asText()).startsWith("15.");
        assertThat(status.at("/downtime/started").asText()).isNotEmpty();
        assertThat(status.at("/downtime/ended").asText()).isNotEmpty();
        assertThat(status.at("/downtime/seconds").asLong()).isPositive();
        assertThat(status.at("/downtime/ongoing").asBoolean()).isFalse();
        assertThat(status.get("next").asText()).isEqualTo("upshift report to17 --out to17.md");
        assertThat(status.get("drivenBy").asText()).containsPattern(", pid \\d+ on ");
        assertThat(status.get("engine").asText()).isEqualTo(address);
        assertThat(upshift.run("status", "to17").stdout()).containsPattern("\\| Current version +\\| PostgreSQL 17\\.")
                .containsPattern("\\| Engine +\\| " + Pattern.quote(address) + " +\\|")
                .contains("## Baseline (Phase 0, before the upgrade)");
    }

    /** `list`, text and JSON, names the engine each upgrade acts on. */
    private void assertListNamesThePlansEngine(Upshift upshift, String address) throws Exception {
        JsonNode list = ONLY_JSON.readTree(upshift.run("list", "--json").stdout());

        assertThat(list.findValuesAsText("engine")).containsExactly(address);
        assertThat(upshift.run("list").stdout()).containsPattern("\\| to17 .*\\| " + Pattern.quote(address) + " +\\|");
    }

    /**
     * No password of the stack in the store (events, metadata, sagas, read models), the log, the post-mortem
     * report and its timeline, or anything printed.
     */
    private void assertNoSecretLeaked(SampleStack stack, Upshift upshift, Upshift.Result... printed) throws Exception {
        Path report = home.resolve("to17.md");
        assertThat(upshift.run("report", "to17", "--out", report.toString()).exitCode()).isZero();
        String everything = upshift.storeText() + Files.readString(home.resolve("upshift.log"))
                + Files.readString(report) + Files.readString(home.resolve("to17-timeline.svg"))
                + String.join("\n", Arrays.stream(printed).map(Upshift.Result::toString).toList());
        assertThat(everything).contains("makapix", "POSTGRES_PASSWORD");
        for (String secret : new String[] {stack.envValue("db.env", "POSTGRES_PASSWORD"),
                stack.envValue("db.env", "API_WORKER_PASSWORD"), stack.envValue("app.env", "PGPASSWORD")}) {
            assertThat(everything).doesNotContain(secret);
        }
    }
}
