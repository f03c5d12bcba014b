package dev.upshift.orchestrator.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.events.RunPaused;
import dev.upshift.orchestrator.api.events.RunStarted;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

class RunPaused1_to_2UpcasterTest {

    private final RunPaused1_to_2Upcaster upcaster = new RunPaused1_to_2Upcaster();

    @Test
    void givenARevision1RunPausedWhenUpcastThenItIsRevision2() {
        IntermediateEventRepresentation upcast = upcast(StoredEvents.fixture(RunPaused.class, "1", "upcasting/RunPaused-1.json"));

        assertThat(upcast.getType().getName()).isEqualTo(RunPaused.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
    }

    @Test
    void givenARevision1RunPausedAfterAPhaseWhenUpcastThenItPausedAfterThatPhaseAsText() {
        IntermediateEventRepresentation upcast = upcast(StoredEvents.fixture(RunPaused.class, "1", "upcasting/RunPaused-1.json"));

        assertThat(StoredEvents.deserialise(upcast)).isEqualTo(new RunPaused(SamplePlans.UPGRADE_ID, "2"));
    }

    @Test
    void givenARevision1EventOfAnotherTypeWhenUpcastThenItPassesUntouched() {
        IntermediateEventRepresentation started = StoredEvents.fixture(RunStarted.class, "1", "upcasting/RunStarted-1.json");

        assertThat(upcast(started)).isSameAs(started);
    }

    @Test
    void givenARevision2RunPausedWhenUpcastThenItPassesUntouched() {
        IntermediateEventRepresentation current = StoredEvents.fixture(RunPaused.class, "2", "RunPaused.json");

        assertThat(upcast(current)).isSameAs(current);
    }

    private IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored) {
        return upcaster.upcast(Stream.of(stored)).toList().get(0);
    }
}
