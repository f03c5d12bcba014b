package dev.upshift.orchestrator.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.events.RunPaused;
import dev.upshift.orchestrator.api.events.RunStarted;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class RunStarted1_to_2UpcasterTest {

    private static final String RUNNER = "ops, pid 4127 on db-host-01";

    private final RunStarted1_to_2Upcaster upcaster = new RunStarted1_to_2Upcaster();

    @Test
    void givenARevision1RunStartedWhenUpcastThenItIsRevision2() {
        IntermediateEventRepresentation upcast = upcast(StoredEvents.fixture(RunStarted.class, "1", "upcasting/RunStarted-1.json"));

        assertThat(upcast.getType().getName()).isEqualTo(RunStarted.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void givenARevision1RunStartedUntilAPhaseWhenUpcastThenItRunsUntilThatPhaseAsText() {
        IntermediateEventRepresentation upcast = upcast(StoredEvents.fixture(RunStarted.class, "1", "upcasting/RunStarted-1.json"));

        assertThat(StoredEvents.deserialise(upcast)).isEqualTo(new RunStarted(SamplePlans.UPGRADE_ID, RUNNER, "3"));
    }

    @Test
    void givenARevision1RunStartedWithoutAPhaseWhenUpcastThenItRunsWithoutAnEnd() {
        IntermediateEventRepresentation upcast = upcast(StoredEvents.fixture(RunStarted.class, "1",
                "upcasting/RunStarted-1-without-until.json"));

        assertThat(StoredEvents.deserialise(upcast)).isEqualTo(new RunStarted(SamplePlans.UPGRADE_ID, RUNNER, null));
    }

    @Test
    void givenARevision1EventOfAnotherTypeWhenUpcastThenItPassesUntouched() {
        IntermediateEventRepresentation paused = StoredEvents.fixture(RunPaused.class, "1", "upcasting/RunPaused-1.json");

        assertThat(upcast(paused)).isSameAs(paused);
    }

    @Test
    void givenARevision2RunStartedWhenUpcastThenItPassesUntouched() {
        IntermediateEventRepresentation current = StoredEvents.fixture(RunStarted.class, "2", "RunStarted.json");

        assertThat(upcast(current)).isSameAs(current);
    }

    private IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored) {
        return upcaster.upcast(Stream.of(stored)).toList().get(0);
    }
}
