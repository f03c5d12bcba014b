package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.PostgresServer;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PostgreSQL store, for several nodes to share: created on the first start, reused on the next. */
class PostgresStoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void givenAnEmptyPostgresServerWhenUsedAsTheStoreTwiceThenItsSchemaIsCreatedOnceAndAnUpgradeIsRecorded()
            throws Exception {
        try (PostgresServer server = PostgresServer.start(); SampleStack stack = SampleStack.start()) {
            Upshift upshift = new Upshift(home, server.url() + "?user=" + server.user() + "&password=" + server.password());
            assertThat(upshift.run("list").exitCode()).as("first start creates the schema").isZero();
            assertThat(upshift.run("list").exitCode()).as("second start finds it").isZero();

            Upshift.Result plan = upshift.run("plan", "--compose", stack.composeFile().toString(), "--to",
                    "upshift-testbed/postgres:17", "--id", "on-postgres");
            Upshift.Result preflight = upshift.run("preflight", "on-postgres");

            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(preflight.exitCode()).as(preflight.toString()).isZero();
            JsonNode log = JSON.readTree(upshift.run("log", "on-postgres", "--json").stdout());
            assertThat(log.findValuesAsText("status")).containsExactly("DONE", "DONE", "DONE", "DONE", "DONE");
            assertThat(upshift.storedEvents()).isGreaterThanOrEqualTo(10);
        }
    }
}
