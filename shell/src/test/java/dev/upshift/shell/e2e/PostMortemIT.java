package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.testbed.SampleStack;
import dev.upshift.orchestrator.text.Durations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * The post-mortem of real upgrades of the sample stack — one completed, one rolled back — read back through the
 * command line: the execution log, the status tables per moment, the audit trail and its filters, the state at an
 * instant inside Phase 3, a rebuild that changes no answer, and the report with its timeline.
 */
class PostMortemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "upshift-testbed/postgres:17";
    private static final Pattern REBUILT = Pattern.compile("(\\d+) events replayed into 5 read models");

    @TempDir
    Path home;

    @Test
    void givenACompletedUpgradeWhenReviewedThenEveryViewTellsTheSameStoryAndARebuildChangesNothing() throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "to17");
            Upshift.Result run = upshift.run("run", "to17", "--yes");
            assertThat(run.exitCode()).as(run.toString()).isZero();

            assertThat(json(upshift, "log", "to17", "--json").findValuesAsText("step")).containsExactly("0.1", "0.2",
                    "0.3", "0.4", "0.5", "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
                    "3.7", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4");

            JsonNode now = json(upshift, "replay", "to17", "--json");
            Map<String, Map<String, String>> moments = statusByMoment(now.get("components"));
            assertThat(moments.keySet()).containsExactly("Before upgrade", "During Phase 1-2 (backup, prepare)",
                    "During Phase 3.1-3.2 (services stopping)", "During Phase 3.3-3.5 (database migration)",
                    "During Phase 3.6-3.7 (verification)", "During Phase 4 (services restarting)",
                    "During Phase 5 (validation)", "After Phase 5");
            assertThat(moments.get("Before upgrade")).containsExactly(Map.entry("site", "✅ Online"),
                    Map.entry("api", "✅ Healthy"), Map.entry("worker", "✅ Healthy"), Map.entry("web", "✅ Healthy"),
                    Map.entry("database", "✅ Running"));
            assertThat(moments.get("During Phase 3.1-3.2 (services stopping)")).containsExactly(
                    Map.entry("site", "❌ Down"), Map.entry("api", "❌ Stopped"), Map.entry("worker", "❌ Stopped"),
                    Map.entry("web", "❌ Stopped"), Map.entry("database", "❌ Stopped"));
            assertThat(moments.get("During Phase 3.6-3.7 (verification)")).containsEntry("site", "❌ Down")
                    .containsEntry("database", "✅ Running");
            assertThat(moments.get("After Phase 5")).containsExactly(Map.entry("site", "✅ Online"),
                    Map.entry("api", "✅ Healthy"), Map.entry("worker", "✅ Healthy"), Map.entry("web", "✅ Healthy"),
                    Map.entry("database", "✅ Running"));
            assertThat(experience(now.get("components"), "After Phase 5", "database")).startsWith("PG 17.");

            JsonNode summary = now.get("summary");
            assertThat(summary.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(summary.get("sourceVersion").asText()).startsWith("15.");
            assertThat(summary.get("targetVersion").asText()).startsWith("17.");
            assertThat(summary.get("downtimeOngoing").asBoolean()).isFalse();
            assertThat(summary.get("rolledBack").asBoolean()).isFalse();
            Duration downtime = Duration.parse(summary.get("downtime").asText());
            assertThat(downtime).isPositive().isLessThan(Duration.ofMinutes(10));
            assertThat(upshift.run("status", "to17").stdout()).contains("Downtime", Durations.human(downtime));

            auditFilters(upshift);
            replayInsidePhase3(upshift, now);
            rebuildChangesNoAnswer(upshift, "to17");

            String report = report(upshift, "to17");
            assertThat(report).contains("# PostgreSQL Upgrade Post-Mortem: to17", "✅ COMPLETED", "✅ UPGRADED",
                    "PostgreSQL " + summary.get("sourceVersion").asText(), "PostgreSQL " + summary.get("targetVersion").asText(),
                    "`makapix`", "**Users**", "| 18", "**Posts**", "| 37", "`owner` (Superuser", "pg_data_pg17`",
                    "**Actual Downtime**", Durations.human(downtime), "### During Phase 3.1-3.2 (services stopping)",
                    "### After Phase 5", "Nothing was rolled back.");
        }
    }

    @Test
    void givenADependentUnhealthyOn17WhenRolledBackThenThePostMortemSaysWhatWasUndoneAndWhy() throws Exception {
        // pg_stat_bgwriter lost checkpoints_timed in 17: the api's health query works on 15 only (as in FaultIT)
        try (SampleStack stack = SampleStack.start(compose -> compose.replace(
                "      PGAPPNAME: makapix-api\n",
                "      PGAPPNAME: makapix-api\n      HEALTH_QUERY: \"select checkpoints_timed from pg_stat_bgwriter\"\n"))) {
            Upshift upshift = Upshift.planned(home, stack, TARGET, "unhealthy");
            Upshift.Result run = upshift.run("run", "unhealthy", "--yes");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);

            JsonNode log = json(upshift, "log", "unhealthy", "--json");
            assertThat(log.findValuesAsText("step")).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "1.1", "1.2", "1.3",
                    "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "4.1", "R.1", "R.2", "R.3",
                    "R.4", "R.5", "R.6", "R.7");
            assertThat(statusOf(log, "4.1")).isEqualTo("FAILED");
            log.forEach(entry -> {
                if (entry.get("step").asText().startsWith("R.")) {
                    assertThat(entry.get("status").asText()).as(entry.toString()).isEqualTo("DONE");
                }
            });

            JsonNode now = json(upshift, "replay", "unhealthy", "--json");
            Map<String, Map<String, String>> moments = statusByMoment(now.get("components"));
            assertThat(new ArrayList<>(moments.keySet())).endsWith("During Phase 4 (services restarting)",
                    "During rollback", "After rollback");
            assertThat(moments.get("During Phase 4 (services restarting)")).containsEntry("api", "❌ Failed")
                    .containsEntry("site", "❌ Down");
            assertThat(moments.get("After rollback")).containsExactly(Map.entry("site", "✅ Online"),
                    Map.entry("api", "✅ Healthy"), Map.entry("worker", "✅ Healthy"), Map.entry("web", "✅ Healthy"),
                    Map.entry("database", "✅ Running"));
            assertThat(experience(now.get("components"), "After rollback", "database")).startsWith("PG 15.");

            JsonNode summary = now.get("summary");
            assertThat(summary.get("status").asText()).isEqualTo("ROLLED_BACK");
            assertThat(summary.get("rolledBack").asBoolean()).isTrue();
            assertThat(summary.get("failedStep").asText()).isEqualTo("4.1 Start api");
            assertThat(summary.get("rollbackReason").asText()).startsWith("step 4.1 Start api failed: ");
            Duration timeToRollback = Duration.parse(summary.get("timeToRollback").asText());
            assertThat(timeToRollback).isPositive();
            assertThat(summary.get("downtimeOngoing").asBoolean()).isFalse();

            JsonNode rollback = json(upshift, "audit", "--id", "unhealthy", "--type", "RollbackInitiated", "--json");
            assertThat(rollback).hasSize(1);
            assertThat(rollback.get(0).get("summary").asText()).startsWith("Rollback started (automatic, quick)");
            Instant failed = Instant.parse(json(upshift, "audit", "--id", "unhealthy", "--type", "StepFailed", "--json")
                    .get(0).get("time").asText());
            JsonNode atFailure = json(upshift, "replay", "unhealthy", "--at", failed.toString(), "--json");
            assertThat(atFailure.get("upgrade").get("status").asText()).isEqualTo("FAILED");
            assertThat(current(atFailure.get("components"))).containsEntry("api", "❌ Failed").containsEntry("site", "❌ Down");

            rebuildChangesNoAnswer(upshift, "unhealthy");

            String report = report(upshift, "unhealthy");
            assertThat(report).contains("↩️ ROLLED BACK", "- **Failed step:** 4.1 Start api", "**Time to Rollback**",
                    Durations.human(timeToRollback), "### During rollback", "### After rollback",
                    "- R.1 Stop the dependents started on the new version: DONE", "- R.7 Start the dependents again: DONE");
        }
    }

    private void auditFilters(Upshift upshift) throws Exception {
        JsonNode all = json(upshift, "audit", "--id", "to17", "--json");
        assertThat(all.size()).isEqualTo(upshift.storedEvents());
        List<Long> positions = new ArrayList<>();
        all.forEach(entry -> positions.add(entry.get("position").asLong()));
        assertThat(positions).isSorted();

        JsonNode stopped = json(upshift, "audit", "--id", "to17", "--type", "ServiceStopped", "--json");
        assertThat(stopped.findValuesAsText("type")).containsOnly("ServiceStopped");
        assertThat(stopped.findValuesAsText("summary")).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("Stopped "))
                .satisfies(lines -> assertThat(String.join(" ", lines)).contains("web", "worker", "api"));

        String me = System.getProperty("user.name");
        assertThat(json(upshift, "audit", "--id", "to17", "--actor", me, "--json")).hasSize(all.size());
        assertThat(json(upshift, "audit", "--actor", "nobody-" + System.nanoTime(), "--json")).isEmpty();

        Instant since = Instant.parse(stopped.get(0).get("time").asText());
        Instant until = Instant.parse(json(upshift, "audit", "--id", "to17", "--type", "ServicesRestored", "--json")
                .get(0).get("time").asText());
        JsonNode window = json(upshift, "audit", "--id", "to17", "--since", since.toString(), "--until", until.toString(),
                "--json");
        assertThat(window.findValuesAsText("time")).allSatisfy(time ->
                assertThat(Instant.parse(time)).isBetween(since, until));
        assertThat(window.findValuesAsText("type")).contains("ServiceStopped", "DatabaseFenced", "DatabaseStopped",
                "DataRestored", "ServicesRestored").doesNotContain("BaselineCaptured", "UpgradeCompleted");

        Upshift.Result badTime = upshift.run("audit", "--since", "yesterday");
        assertThat(badTime.exitCode()).as(badTime.toString()).isEqualTo(2);
        assertThat(badTime.stdout()).contains("ISO-8601");
        Upshift.Result badType = upshift.run("audit", "--type", "ServiceStoped");
        assertThat(badType.exitCode()).as(badType.toString()).isEqualTo(2);
        assertThat(badType.stdout()).contains("there is no event type 'ServiceStoped'");
    }

    /** The moment the old database stopped: the dependents are stopped, the database is down, the log ends at 3.2. */
    private void replayInsidePhase3(Upshift upshift, JsonNode now) throws Exception {
        Instant databaseStopped = Instant.parse(json(upshift, "audit", "--id", "to17", "--type", "DatabaseStopped",
                "--json").get(0).get("time").asText());

        JsonNode then = json(upshift, "replay", "to17", "--at", databaseStopped.toString(), "--json");

        assertThat(then.get("upgrade").get("status").asText()).isEqualTo("RUNNING");
        List<String> steps = then.get("log").findValuesAsText("step");
        assertThat(steps.get(steps.size() - 1)).isEqualTo("3.2");
        assertThat(current(then.get("components"))).containsExactly(Map.entry("site", "❌ Down"),
                Map.entry("api", "❌ Stopped"), Map.entry("worker", "❌ Stopped"), Map.entry("web", "❌ Stopped"),
                Map.entry("database", "❌ Stopped"));
        assertThat(then.get("summary").get("downtimeOngoing").asBoolean()).isTrue();
        assertThat(upshift.run("replay", "to17", "--at", databaseStopped.toString()).stdout())
                .contains("Component status: During Phase 3.1-3.2 (services stopping)");

        JsonNode audit = json(upshift, "audit", "--id", "to17", "--json");
        String lastEvent = audit.get(audit.size() - 1).get("time").asText();
        JsonNode atTheEnd = json(upshift, "replay", "to17", "--at", lastEvent, "--json");
        for (String answer : new String[] {"upgrade", "log", "components", "summary"}) {
            assertThat(atTheEnd.get(answer)).as("replayed %s equals the live read model's", answer)
                    .isEqualTo(now.get(answer));
        }
    }

    private void rebuildChangesNoAnswer(Upshift upshift, String upgradeId) throws Exception {
        String[][] queries = {{"list", "--json"}, {"status", upgradeId, "--json"}, {"log", upgradeId, "--json"},
                {"audit", "--json"}, {"replay", upgradeId, "--json"}};
        List<String> before = new ArrayList<>();
        for (String[] query : queries) {
            before.add(upshift.run(query).stdout());
        }

        Upshift.Result rebuild = upshift.run("rebuild");

        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(rebuild.stdout()).containsPattern("Replaying: \\d+ of \\d+ events");
        Matcher rebuilt = REBUILT.matcher(rebuild.stdout());
        assertThat(rebuilt.find()).as(rebuild.toString()).isTrue();
        assertThat(Long.parseLong(rebuilt.group(1))).isEqualTo(upshift.storedEvents());
        for (int index = 0; index < queries.length; index++) {
            assertThat(upshift.run(queries[index]).stdout()).as(String.join(" ", queries[index]))
                    .isEqualTo(before.get(index));
        }
    }

    /** Writes the report beside its timeline, checks the SVG parses and is linked, returns the Markdown. */
    private String report(Upshift upshift, String upgradeId) throws Exception {
        Path markdown = home.resolve(upgradeId + "-post-mortem.md");
        Upshift.Result result = upshift.run("report", upgradeId, "--out", markdown.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path timeline = home.resolve(upgradeId + "-timeline.svg");
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(timeline))));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getTextContent()).contains("Downtime", "Phase 3");
        String report = Files.readString(markdown);
        assertThat(report).contains("](" + upgradeId + "-timeline.svg)", "## Execution Log", "## Executive Summary");
        return report;
    }

    private static JsonNode json(Upshift upshift, String... arguments) throws Exception {
        Upshift.Result result = upshift.run(arguments);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return JSON.readTree(result.stdout());
    }

    /** moment → component → status, in the order the read model gives them. */
    private static Map<String, Map<String, String>> statusByMoment(JsonNode components) {
        Map<String, Map<String, String>> moments = new LinkedHashMap<>();
        components.forEach(row -> moments.computeIfAbsent(row.get("moment").asText(), moment -> new LinkedHashMap<>())
                .put(row.get("component").asText(), row.get("status").asText()));
        return moments;
    }

    /** The status of each component at the end of the history replayed (its last moment). */
    private static Map<String, String> current(JsonNode components) {
        String last = components.get(components.size() - 1).get("moment").asText();
        return statusByMoment(components).get(last);
    }

    private static String experience(JsonNode components, String moment, String component) {
        for (JsonNode row : components) {
            if (row.get("moment").asText().equals(moment) && row.get("component").asText().equals(component)) {
                return row.get("experience").asText();
            }
        }
        throw new AssertionError(component + " has no row in " + moment);
    }

    private static String statusOf(JsonNode log, String step) {
        for (JsonNode entry : log) {
            if (entry.get("step").asText().equals(step)) {
                return entry.get("status").asText();
            }
        }
        throw new AssertionError("no step " + step + " in " + log);
    }
}
