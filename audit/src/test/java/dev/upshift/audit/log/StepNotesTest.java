package dev.upshift.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.DataRestored;
import org.junit.jupiter.api.Test;

/** What the execution log says of the new cluster's checksums. */
class StepNotesTest {

    @Test
    void givenTheNewClustersSettingsWhenNotingTheRestoreThenTheNoteSaysWhetherItHasChecksums() {
        Step step = new Step("3.5", StepKind.START_NEW_DATABASE, null);

        assertThat(StepNotes.of(new DataRestored("to18", step, "c0ffee18", "/srv/backups/to18_final.dump",
                new ClusterSettings("UTF8", "en_US.UTF-8", "en_US.UTF-8", "libc", true))))
                .isEqualTo("Data restored from to18_final.dump; checksums on");
        assertThat(StepNotes.of(new DataRestored("to18", step, "c0ffee18", "/srv/backups/to18_final.dump", null)))
                .isEqualTo("Data restored from to18_final.dump");
    }
}
