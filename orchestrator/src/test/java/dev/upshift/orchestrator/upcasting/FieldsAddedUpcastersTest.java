package dev.upshift.orchestrator.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.DataRestored;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

/** Events that gained fields: read from revision 1 with those null. */
class FieldsAddedUpcastersTest {

    private static final String ID = SamplePlans.UPGRADE_ID;

    @Test
    void givenARevision1DataRestoredWhenUpcastThenItKeepsItsFieldsAndNoClusterWasRead() {
        Object upcast = upcast(new DataRestored1_to_2Upcaster(), DataRestored.class);

        assertThat(upcast).isEqualTo(new DataRestored(ID, new Step("3.5", StepKind.START_NEW_DATABASE, null),
                "5ee3b3b8b107a8da2333242e4c1a2faac791f83c82a1c0add78fef352d2da325",
                "/opt/makapix/backups/makapix-pg17_final.dump", null));
    }

    @Test
    void givenARevision2EventWhenUpcastThenItPassesUntouched() {
        IntermediateEventRepresentation current = StoredEvents.fixture(DataRestored.class, "2", "DataRestored.json");

        assertThat(new DataRestored1_to_2Upcaster().upcast(Stream.of(current)).toList()).containsExactly(current);
    }

    private static Object upcast(SingleEventUpcaster upcaster, Class<?> type) {
        IntermediateEventRepresentation stored = StoredEvents.fixture(type, "1",
                "upcasting/" + type.getSimpleName() + "-1.json");
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(stored)).toList().get(0);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        return StoredEvents.deserialise(upcast);
    }
}
