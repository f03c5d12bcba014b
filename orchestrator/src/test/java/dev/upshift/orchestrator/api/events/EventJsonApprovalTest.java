package dev.upshift.orchestrator.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.upshift.orchestrator.ApprovedJson;
import dev.upshift.orchestrator.StoredEventSerializer;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.json.JSONException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Locks the JSON of every event of the api package as the event store keeps it: the sample of each (see
 * {@link EventSamples}) must serialise to {@code src/test/resources/events/<Event>.json}, compared as JSON trees, and
 * that file must deserialise back into the sample. A difference fails: stored events outlive the code that wrote them.
 * <p>
 * To approve a deliberate change, run {@code mvn -pl orchestrator test -Dtest=EventJsonApprovalTest -Dapprove=true}:
 * it writes each missing or differing file from the samples (pretty-printed), then checks as usual; review the
 * diff before committing. A changed shape also needs a new {@code @Revision} and an upcaster from the old one
 * (docs/event-catalogue.md, "Changing an event").
 */
class EventJsonApprovalTest {

    /** Read from the sources rather than the classpath, so that approving and checking see the same files. */
    private static final Path APPROVED = Path.of("src", "test", "resources", "events");

    private final JacksonSerializer serializer = StoredEventSerializer.create();

    static Stream<Named<Class<?>>> events() {
        return ApiEvents.all().stream().map(type -> Named.of(type.getSimpleName(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenAnEventWhenSerialisedThenItsJsonIsTheApprovedOne(Class<?> type) throws IOException, JSONException {
        String serialised = serialisedJson(type);

        JSONAssert.assertEquals("the JSON of " + type.getSimpleName() + " differs from " + approvedFile(type)
                        + " (deliberate? see this test's javadoc)", approvedJson(type), serialised, JSONCompareMode.STRICT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenAnEventWhenSerialisedThenItIsStoredWithTheRevisionOfItsAnnotation(Class<?> type) {
        String revision = ApiEvents.revisionOf(type);
        assertThat(revision).as("event %s has no @Revision", type.getSimpleName()).isNotNull();

        assertThat(serialise(type).getType().getRevision()).isEqualTo(revision);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenTheApprovedJsonWhenDeserialisedThenItIsTheSampleEvent(Class<?> type) throws IOException {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(approvedJson(type).getBytes(StandardCharsets.UTF_8),
                byte[].class, type.getName(), ApiEvents.revisionOf(type));

        Object event = serializer.deserialize(stored);

        assertThat(event).isEqualTo(sampleOf(type));
    }

    @Test
    void givenTheApprovedFilesWhenMatchedWithTheEventsThenEachBelongsToAnEvent() throws IOException {
        Set<String> events = ApiEvents.all().stream().map(Class::getSimpleName).collect(Collectors.toSet());

        try (Stream<Path> files = Files.list(APPROVED)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .as("approved JSON of no event in the api package (renamed or removed? delete the file with it)")
                    .allMatch(file -> file.endsWith(".json") && events.contains(file.substring(0, file.length() - 5)));
        }
    }

    private SerializedObject<byte[]> serialise(Class<?> type) {
        return serializer.serialize(sampleOf(type), byte[].class);
    }

    private String serialisedJson(Class<?> type) {
        return new String(serialise(type).getData(), StandardCharsets.UTF_8);
    }

    private static UpgradeEvent sampleOf(Class<?> type) {
        return EventSamples.of(type).orElseThrow(() -> new AssertionError("no sample of event " + type.getSimpleName()
                + ": add one to " + EventSamples.class.getName()));
    }

    private static Path approvedFile(Class<?> type) {
        return APPROVED.resolve(type.getSimpleName() + ".json");
    }

    private String approvedJson(Class<?> type) throws IOException {
        if (ApprovedJson.APPROVE) {
            ApprovedJson.approve(approvedFile(type), serialisedJson(type));
        }
        Path file = approvedFile(type);
        if (!Files.exists(file)) {
            fail("no approved JSON for event " + type.getSimpleName() + ": write orchestrator/" + file
                    + " (-Dapprove=true writes it from the sample; see this test's javadoc)");
        }
        return Files.readString(file);
    }
}
