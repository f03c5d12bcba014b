package dev.upshift.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.ApprovedJson;
import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.StoredEventSerializer;
import dev.upshift.orchestrator.api.Retention;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.shell.render.KeptItems;
import dev.upshift.shell.render.SamplePostMortems;
import dev.upshift.shell.render.UpgradeDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Locks the JSON that {@code --json} prints for an upgrade (docs/json-output.md): the document of each sample upgrade,
 * serialised as the commands serialise it, must be {@code src/test/resources/json/upgrade-<sample>.json}, compared
 * strictly as trees — a field added, renamed or removed fails until its fixtures and the documentation say so.
 * To approve a deliberate change: {@code mvn -pl shell test -Dtest=UpgradeJsonApprovalTest -Dapprove=true}, then
 * review the diff.
 */
class UpgradeJsonApprovalTest {

    private static final Path APPROVED = Path.of("src", "test", "resources", "json");
    private static final Path DOCUMENTATION = Path.of("..", "docs", "json-output.md");
    private static final ObjectMapper JSON = JsonOutput.indented(StoredEventSerializer.bootObjectMapper());

    private static final Map<String, Supplier<SampleHistory>> SAMPLES = Map.of(
            "planned", () -> SampleHistory.completed().until(Instant.parse("2025-12-15T19:55:00Z")),
            "downtime-under-way", () -> SampleHistory.completed().until(SampleHistory.DATABASE_STOPPED),
            "completed", SampleHistory::completed,
            "rolled-back", SampleHistory::rolledBackAtTheApi);

    static Stream<String> samples() {
        return SAMPLES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenAnUpgradeWhenPrintedAsJsonThenItIsTheApprovedDocument(String sample) throws Exception {
        String printed = JSON.writeValueAsString(document(SAMPLES.get(sample).get()));

        JSONAssert.assertEquals("the JSON of the " + sample + " upgrade differs from " + approvedFile(sample)
                + " (deliberate? see this test's javadoc)", approvedJson(sample, printed), printed, JSONCompareMode.STRICT);
    }

    @Test
    void givenTheApprovedFilesWhenMatchedWithTheSamplesThenEachBelongsToOne() throws IOException {
        try (Stream<Path> files = Files.list(APPROVED)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("approved JSON of no sample (renamed or removed? delete the file with it)")
                    .containsExactlyInAnyOrderElementsOf(samples().map(UpgradeJsonApprovalTest::fileName).toList());
        }
    }

    @Test
    void givenTheCompletedDocumentWhenItsFieldsAreLookedUpThenTheDocumentationNamesEveryOne() throws IOException {
        String documentation = Files.readString(DOCUMENTATION);
        JsonNode completed = JSON.readTree(Files.readString(approvedFile("completed")));

        assertThat(fieldPaths("", completed)).allSatisfy(path -> assertThat(documentation)
                .as("docs/json-output.md documents %s", path).contains("`" + path + "`"));
    }

    private static UpgradeDocument document(SampleHistory history) {
        UpgradeAt state = SamplePostMortems.answer(history);
        Retention retention = new Retention();
        history.payloads().forEach(retention::apply);
        return UpgradeDocument.of(SamplePlans.makapix(), state.upgrade(), state.summary(), state.log(),
                KeptItems.of(retention));
    }

    /** "id", "current.image", "log[].notes": every field of the document, as the documentation names it. */
    private static Stream<String> fieldPaths(String prefix, JsonNode node) {
        if (node.isArray()) {
            return node.isEmpty() ? Stream.empty() : fieldPaths(prefix + "[]", node.get(0));
        }
        List<String> paths = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            paths.add(path);
            fieldPaths(path, field.getValue()).forEach(paths::add);
        });
        return paths.stream();
    }

    private static String fileName(String sample) {
        return "upgrade-" + sample + ".json";
    }

    private static Path approvedFile(String sample) {
        return APPROVED.resolve(fileName(sample));
    }

    private static String approvedJson(String sample, String printed) throws IOException {
        Path file = approvedFile(sample);
        if (ApprovedJson.APPROVE) {
            ApprovedJson.approve(file, printed);
        }
        if (!Files.exists(file)) {
            fail("no approved JSON for " + file + " (-Dapprove=true writes it; see this test's javadoc)");
        }
        return Files.readString(file);
    }
}
