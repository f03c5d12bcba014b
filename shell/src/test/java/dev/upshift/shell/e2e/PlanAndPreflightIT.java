package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan + preflight against the real sample stack on the real engine, through the packaged command line. */
class PlanAndPreflightIT {

    private static final String TARGET = "upshift-testbed/postgres:17";
    private static SampleStack stack;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @BeforeAll
    static void startStack() {
        stack = SampleStack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void givenTheRunningStackWhenPlanningAndRunningPreflightThenTheBaselineAndTheLogReadLikeTheRunbook() throws Exception {
        Upshift upshift = new Upshift(home);

        Upshift.Result plan = upshift.run("plan", "--compose", stack.composeFile().toString(), "--service", "db",
                "--to", TARGET, "--id", "makapix-pg17");
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.stdout()).contains("| Stop order", "web, worker, api", "| Start order", "api, worker, web",
                "3.1 Stop dependents", "4.1 Start api", "4.3 Start web", "Next: upshift preflight makapix-pg17");

        Upshift.Result preflight = upshift.run("preflight", "makapix-pg17");
        assertThat(preflight.exitCode()).as(preflight.toString()).isZero();
        assertThat(preflight.stdout()).contains("Pre-flight passed");

        JsonNode log = JSON.readTree(upshift.run("log", "makapix-pg17", "--json").stdout());
        assertThat(log).hasSize(5);
        assertThat(log.findValuesAsText("step")).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
        assertThat(log.findValuesAsText("status")).containsOnly("DONE");
        assertThat(log.get(0).get("notes").asText()).contains("38 tables", "18 users", "37 posts", "alembic 20251214000000");
        assertThat(log.get(2).get("notes").asText()).contains("db healthy", "api healthy", "worker healthy", "web healthy");
        assertThat(log.get(3).get("notes").asText()).contains(TARGET, "runs PostgreSQL 17", "pgcrypto", "pg_trgm");
        assertThat(log.get(4).get("notes").asText()).isEqualTo("6 checks; nothing found");
        log.forEach(row -> assertThat(row.get("ended").asText()).isGreaterThanOrEqualTo(row.get("started").asText()));

        JsonNode status = JSON.readTree(upshift.run("status", "makapix-pg17", "--json").stdout());
        assertThat(status.get("status").asText()).isEqualTo("PREFLIGHT_PASSED");
        JsonNode baseline = status.get("baseline");
        assertThat(baseline.get("serverVersionNumber").asInt() / 10_000).isEqualTo(15);
        assertThat(baseline.get("tables")).hasSize(38);
        assertThat(rows(baseline, "users")).isEqualTo(18);
        assertThat(rows(baseline, "posts")).isEqualTo(37);
        assertThat(baseline.get("extensions").findValuesAsText("name")).contains("pgcrypto", "pg_trgm");
        assertThat(baseline.get("roles").findValuesAsText("name")).contains("owner", "api_worker");
        assertThat(role(baseline, "owner").get("attributes").toString()).contains("Superuser");
        assertThat(role(baseline, "api_worker").get("attributes").toString()).doesNotContain("Superuser");
        assertThat(baseline.get("migrationVersion").asText()).isEqualTo("20251214000000");
    }

    @Test
    void givenATargetImageThatIsNotThereWhenRunningPreflightThenCheckFourFailsAndTheStackIsUntouched() {
        Upshift upshift = new Upshift(home);
        String before = stack.exec("db", "sh", "-c", "cat /proc/1/stat | cut -d' ' -f22");
        upshift.run("plan", "--compose", stack.composeFile().toString(), "--to", "upshift-testbed/postgres:99",
                "--id", "no-such-image");

        Upshift.Result preflight = upshift.run("preflight", "no-such-image");

        assertThat(preflight.exitCode()).as(preflight.toString()).isEqualTo(1);
        assertThat(preflight.stdout()).contains("Pre-flight failed at 0.4", "upshift-testbed/postgres:99 is not present",
                "Nothing in the stack was changed");
        assertThat(stack.exec("db", "sh", "-c", "cat /proc/1/stat | cut -d' ' -f22")).isEqualTo(before);
    }

    private static long rows(JsonNode baseline, String table) {
        for (JsonNode row : baseline.get("tables")) {
            if (row.get("name").asText().equals(table)) {
                return row.get("rows").asLong();
            }
        }
        throw new AssertionError("no table " + table);
    }

    private static JsonNode role(JsonNode baseline, String name) {
        for (JsonNode role : baseline.get("roles")) {
            if (role.get("name").asText().equals(name)) {
                return role;
            }
        }
        throw new AssertionError("no role " + name);
    }
}
