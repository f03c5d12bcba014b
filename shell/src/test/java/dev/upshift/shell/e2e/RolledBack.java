package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.SampleStack;

/** How a rolled-back upgrade must leave the stack: serving on 15, with its data and its own compose file. */
final class RolledBack {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RolledBack() {
    }

    static void assertServingOn15(SampleStack stack, Upshift upshift, String upgradeId, String originalCompose)
            throws Exception {
        assertThat(Files.readString(stack.composeFile())).isEqualTo(originalCompose);
        assertThat(StackFacts.serverMajor(stack)).isEqualTo(15);
        for (String service : new String[] {"db", "api", "worker", "web"}) {
            assertThat(StackFacts.health(stack, service)).as(service).isEqualTo("running/healthy");
        }
        assertThat(stack.psql("SELECT count(*) FROM users")).isEqualTo("18");
        assertThat(stack.psql("SELECT count(*) FROM posts")).isEqualTo("37");
        Set<Long> committed = StackFacts.committedByWorker(stack); // first: the worker goes on writing
        assertThat(StackFacts.siteEventIds(stack)).containsAll(committed);
        JsonNode status = JSON.readTree(upshift.run("status", upgradeId, "--json").stdout());
        assertThat(status.get("status").asText()).isEqualTo("ROLLED_BACK");
    }

    static String compose(SampleStack stack) throws Exception {
        return Files.readString(stack.composeFile());
    }

    static JsonNode log(Upshift upshift, String upgradeId) throws Exception {
        return JSON.readTree(upshift.run("log", upgradeId, "--json").stdout());
    }

    static Path backups(SampleStack stack) {
        return stack.directory().resolve("backups");
    }
}
