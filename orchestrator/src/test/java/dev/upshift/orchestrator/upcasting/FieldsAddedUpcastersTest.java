package dev.upshift.orchestrator.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.CompatibilityChecked;
import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import dev.upshift.orchestrator.api.events.DataRestored;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

/**
 * The events that gained fields for PostgreSQL 18's layout and checksums, read from revision 1 with those null, and
 * 0.4's listing of the target image, read from revision 2 of its event with it null; a plan before maintenance
 * windows, with none.
 */
class FieldsAddedUpcastersTest {

    private static final String ID = SamplePlans.UPGRADE_ID;

    @Test
    void givenARevision1CompatibilityCheckedWhenUpcastThenItKeepsItsFieldsAndNoLayoutWasLookedAt() {
        Object upcast = upcast(new CompatibilityChecked1_to_2Upcaster(), CompatibilityChecked.class, 1);

        assertThat(upcast).isEqualTo(new CompatibilityChecked(ID, new Step("0.4", StepKind.TARGET_COMPATIBILITY, null),
                "postgres:17-alpine", "sha256:fc0cf5409512f1d0236b7a8f296275fe413dbbe3d76f36bbe6de6bb47d151cdb", "17.7",
                List.of("pg_trgm", "pgcrypto"), null, null, null, null, null));
    }

    @Test
    void givenARevision2CompatibilityCheckedWhenUpcastThenItKeepsItsFieldsAndTheImageWasNotListed() {
        CompatibilityChecked upcast = (CompatibilityChecked) upcast(new CompatibilityChecked2_to_3Upcaster(),
                CompatibilityChecked.class, 2);

        assertThat(upcast).isEqualTo(new CompatibilityChecked(ID, new Step("0.4", StepKind.TARGET_COMPATIBILITY, null),
                "postgres:17-alpine", "sha256:fc0cf5409512f1d0236b7a8f296275fe413dbbe3d76f36bbe6de6bb47d151cdb", "17.7",
                List.of("pg_trgm", "pgcrypto"), new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data"),
                null, null, null, null));
        assertThat(upcast.contents()).isEmpty();
    }

    @Test
    void givenARevision1ComposeFileUpdatedWhenUpcastThenItKeepsItsFieldsAndNoLayoutIsRecorded() {
        Object upcast = upcast(new ComposeFileUpdated1_to_2Upcaster(), ComposeFileUpdated.class, 1);

        assertThat(upcast).isEqualTo(new ComposeFileUpdated(ID, new Step("2.1", StepKind.UPDATE_COMPOSE_FILE, null),
                "/opt/makapix/docker-compose.yml", "/opt/makapix/docker-compose.yml.pre-makapix-pg17",
                "postgres:16-alpine", "postgres:17-alpine", "makapix_pg_data", "makapix_pg_data_pg17", null, null));
    }

    @Test
    void givenARevision1DataRestoredWhenUpcastThenItKeepsItsFieldsAndNoClusterWasRead() {
        Object upcast = upcast(new DataRestored1_to_2Upcaster(), DataRestored.class, 1);

        assertThat(upcast).isEqualTo(new DataRestored(ID, new Step("3.5", StepKind.START_NEW_DATABASE, null),
                "5ee3b3b8b107a8da2333242e4c1a2faac791f83c82a1c0add78fef352d2da325",
                "/opt/makapix/backups/makapix-pg17_final.dump", null));
    }

    @Test
    void givenARevision2UpgradePlannedWhenUpcastThenItKeepsItsPlanWithNoMaintenanceWindow() {
        Object upcast = upcast(new UpgradePlanned2_to_3Upcaster(), UpgradePlanned.class, 2);

        assertThat(upcast).isEqualTo(new UpgradePlanned(ID, SamplePlans.makapix()));
    }

    @Test
    void givenARevision2EventWhenUpcastThenItPassesUntouched() {
        IntermediateEventRepresentation current = StoredEvents.fixture(DataRestored.class, "2", "DataRestored.json");

        assertThat(new DataRestored1_to_2Upcaster().upcast(Stream.of(current)).toList()).containsExactly(current);
    }

    private static Object upcast(SingleEventUpcaster upcaster, Class<?> type, int revision) {
        IntermediateEventRepresentation stored = StoredEvents.fixture(type, String.valueOf(revision),
                "upcasting/" + type.getSimpleName() + "-" + revision + ".json");
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(stored)).toList().get(0);
        assertThat(upcast.getType().getRevision()).isEqualTo(String.valueOf(revision + 1));
        return StoredEvents.deserialise(upcast);
    }
}
