package dev.upshift.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import org.junit.jupiter.api.Test;

/** `upshift status`: "current" names the server that runs now; the baseline is labelled as what Phase 0 saw. */
class StatusViewTest {

    private static final String BASELINE = "## Baseline (Phase 0, before the upgrade)";

    @Test
    void givenAPlannedUpgradeWhenShownThenTheSourceImageIsCurrentItsVersionUncheckedAndThereIsNoBaselineYet() {
        String shown = status(SampleHistory.completed().until(Instant.parse("2025-12-15T19:55:00Z")));

        assertThat(shown).containsPattern(row("Current image", "postgres:16-alpine"))
                .containsPattern(row("Current version", "not verified yet"))
                .doesNotContain(BASELINE, "Downtime");
    }

    @Test
    void givenTheDowntimeUnderWayWhenShownThenTheOldServerIsCurrentAndTheDowntimeRunsOn() {
        String shown = status(SampleHistory.completed().until(SampleHistory.DATABASE_STOPPED));

        assertThat(shown).containsPattern(row("Status", "RUNNING"))
                .containsPattern(row("Current image", "postgres:16-alpine"))
                .containsPattern(row("Current version", "PostgreSQL 16.11"))
                .containsPattern(row("Downtime", "10s so far \\(down since 20:12:00 UTC\\)"));
    }

    @Test
    void givenACompletedUpgradeWhenShownThenTheTargetAndItsVerifiedVersionAreCurrentAndTheOldVersionIsTheBaseline() {
        String shown = status(SampleHistory.completed());

        assertThat(shown).containsPattern(row("Current image", "postgres:17-alpine"))
                .containsPattern(row("Current version", "PostgreSQL 17.7"))
                .containsPattern(row("Downtime", "4m 0s \\(20:12:00 – 20:16:00 UTC\\)"));
        assertThat(shown.substring(shown.indexOf(BASELINE))).containsPattern(row("Version", "PostgreSQL 16.11"))
                .containsPattern(row("Users", "18"));
        assertThat(shown.substring(0, shown.indexOf(BASELINE))).doesNotContain("16.11");
    }

    @Test
    void givenARolledBackUpgradeWhenShownThenTheOldImageAndTheVersionTheRollbackVerifiedAreCurrent() {
        String shown = status(SampleHistory.rolledBackAtTheApi());

        assertThat(shown).containsPattern(row("Status", "ROLLED_BACK"))
                .containsPattern(row("Current image", "postgres:16-alpine"))
                .containsPattern(row("Current version", "PostgreSQL 16.11"))
                .contains(BASELINE);
    }

    @Test
    void givenAPlanOnAnEngineOfItsOwnWhenShownThenTheEngineStandsNextToWhoDrivesIt() {
        String shown = status(SampleHistory.planned(SamplePlans.makapix("tcp://10.0.4.12:2375")));

        assertThat(shown).containsPattern(row("Driven by", "nobody yet"))
                .containsPattern(row("Engine", "tcp://10\\.0\\.4\\.12:2375"));
    }

    @Test
    void givenAPlanThatNamesNoEngineWhenShownThenItIsTheDefaultOfWhoeverDrivesIt() {
        String shown = status(SampleHistory.completed());

        assertThat(shown).containsPattern(row("Driven by", "alice, pid 4242 on ops-1"))
                .containsPattern(row("Engine", "default \\(of the process that drives it\\)"));
    }

    @Test
    void givenUpgradesOnTwoEnginesWhenListedThenEachRowNamesItsDriverAndItsEngine() {
        UpgradeView onItsOwn = SamplePostMortems.answer(SampleHistory.planned(SamplePlans.makapix("unix:///run/b.sock")))
                .upgrade();
        UpgradeView onTheDefault = SamplePostMortems.answer(SampleHistory.completed()).upgrade();

        String listed = Views.list(List.of(onItsOwn, onTheDefault));

        assertThat(listed.lines().findFirst().orElseThrow()).containsPattern("\\| Driven by +\\| Engine +\\|$");
        assertThat(listed).containsPattern("\\| PLANNED .*\\| nobody yet +\\| unix:///run/b\\.sock +\\|")
                .containsPattern("\\| COMPLETED .*\\| alice, pid 4242 on ops-1 +\\| default +\\|");
    }

    private static String status(SampleHistory history) {
        UpgradeAt state = SamplePostMortems.answer(history);
        return Views.status(state.upgrade(), state.summary());
    }

    /** A table row with that label and value, whatever the padding. */
    private static Pattern row(String label, String value) {
        return Pattern.compile("\\| " + Pattern.quote(label) + " +\\| " + value + " +\\|");
    }
}
