package dev.upshift.orchestrator.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.orchestrator.api.events.ApiEvents;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * An upcaster accompanies every revision bump: for each event above revision 1, the JSON of each earlier revision
 * ({@code events/upcasting/<Event>-<n>.json}) goes through the upcasters of this package — found and ordered as Spring
 * hands them to Axon's auto-configuration — and comes out at the current revision with the record's fields.
 */
class UpcasterChainTest {

    private static AnnotationConfigApplicationContext upcasters;
    private static EventUpcasterChain chain;

    @BeforeAll
    static void findTheUpcasters() {
        upcasters = new AnnotationConfigApplicationContext(RunStarted1_to_2Upcaster.class.getPackageName());
        chain = new EventUpcasterChain(upcasters.getBeanProvider(EventUpcaster.class).orderedStream().toList());
    }

    @AfterAll
    static void close() {
        upcasters.close();
    }

    static Stream<Arguments> earlierRevisions() {
        return ApiEvents.all().stream()
                .filter(type -> !"1".equals(ApiEvents.revisionOf(type)))
                .flatMap(type -> IntStream.range(1, Integer.parseInt(ApiEvents.revisionOf(type)))
                        .mapToObj(revision -> Arguments.of(Named.of(type.getSimpleName(), type), String.valueOf(revision))));
    }

    @ParameterizedTest(name = "{0} revision {1}")
    @MethodSource("earlierRevisions")
    void givenAnEarlierRevisionWhenUpcastThroughTheChainThenItHasTheCurrentRevisionAndFields(Class<?> type, String revision) {
        String fixture = "upcasting/" + type.getSimpleName() + "-" + revision + ".json";
        assertThat(UpcasterChainTest.class.getResource("/events/" + fixture))
                .as("no JSON of %s at revision %s: write orchestrator/src/test/resources/events/%s and its upcaster",
                        type.getSimpleName(), revision, fixture)
                .isNotNull();

        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(StoredEvents.fixture(type, revision, fixture)))
                .toList().get(0);

        assertThat(upcast.getType().getRevision()).as("the revision %s of %s, upcast", revision, type.getSimpleName())
                .isEqualTo(ApiEvents.revisionOf(type));
        assertThat(fieldNames(upcast.getData(JsonNode.class).getData()))
                .containsExactlyElementsOf(Arrays.stream(type.getRecordComponents()).map(component -> component.getName()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void givenAnEventStoredUnderItsFormerPackageWhenUpcastThenItIsReadAsTheEventOfItsPackageNow(Class<?> type) {
        IntermediateEventRepresentation stored = StoredEvents.stored(EventPackageUpcaster.FORMER_PACKAGE + type.getSimpleName(),
                ApiEvents.revisionOf(type), StoredEvents.fixtureBytes(type.getSimpleName() + ".json"));

        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(stored)).toList().get(0);

        assertThat(upcast.getType().getName()).isEqualTo(type.getName());
        assertThat(StoredEvents.deserialise(upcast)).isInstanceOf(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("earlierRevisionsAndFormerPackage")
    void givenAnEarlierRevisionUnderTheFormerPackageWhenUpcastThenBothUpcastersApplyInTurn(Class<?> type) {
        IntermediateEventRepresentation stored = StoredEvents.stored(EventPackageUpcaster.FORMER_PACKAGE + type.getSimpleName(),
                "1", StoredEvents.fixtureBytes("upcasting/" + type.getSimpleName() + "-1.json"));

        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(stored)).toList().get(0);

        assertThat(upcast.getType().getName()).isEqualTo(type.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo(ApiEvents.revisionOf(type));
        assertThat(StoredEvents.deserialise(upcast)).isInstanceOf(type);
    }

    static Stream<Arguments> events() {
        return ApiEvents.all().stream().map(type -> Arguments.of(Named.of(type.getSimpleName(), type)));
    }

    static Stream<Arguments> earlierRevisionsAndFormerPackage() {
        return events().filter(arguments -> !"1".equals(ApiEvents.revisionOf((Class<?>) ((Named<?>) arguments.get()[0]).getPayload())));
    }

    private static List<String> fieldNames(JsonNode payload) {
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
