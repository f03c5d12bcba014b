package dev.upshift.orchestrator.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.UpgradeMethod;
import org.junit.jupiter.api.Test;

/** The estimate follows docs/benchmarks.md's figures, doubled; a rehearsal's measurement is taken as it is. */
class ExpectedDowntimeTest {

    @Test
    void givenTheBenchmarksDatabaseSizesWhenEstimatedThenEachIsTwiceWhatWasMeasuredOrMore() {
        assertThat(estimate(16_300_000L, UpgradeMethod.DUMP_RESTORE, false)).isEqualTo(seconds(22));    // measured 10.05
        assertThat(estimate(1_600_700_000L, UpgradeMethod.DUMP_RESTORE, false)).isEqualTo(seconds(120)); // 59.01
        assertThat(estimate(1_600_700_000L, UpgradeMethod.PG_UPGRADE, false)).isEqualTo(seconds(47));    // 22.87
        assertThat(estimate(1_600_700_000L, UpgradeMethod.PG_UPGRADE, true)).isEqualTo(seconds(25));     // 12.13
        assertThat(estimate(16_300_000L, UpgradeMethod.LOGICAL, false)).isEqualTo(seconds(13));         // 5.78
        assertThat(estimate(1_660_000_000L, UpgradeMethod.LOGICAL, false)).isEqualTo(seconds(16));      // 7.48
    }

    @Test
    void givenNoBaselineYetWhenEstimatedThenOnlyTheFixedPartCounts() {
        assertThat(ExpectedDowntime.estimated(null, UpgradeMethod.DUMP_RESTORE, false))
                .isEqualTo(new ExpectedDowntime(seconds(20), ExpectedDowntime.ESTIMATE));
    }

    @Test
    void givenARehearsalWhenItsDowntimeIsExpectedThenItIsTheMeasurementItself() {
        assertThat(ExpectedDowntime.rehearsed(Duration.ofMillis(9_400)))
                .isEqualTo(new ExpectedDowntime(Duration.ofMillis(9_400), ExpectedDowntime.REHEARSAL));
    }

    private static Duration estimate(long bytes, UpgradeMethod method, boolean link) {
        Baseline sample = SamplePlans.baseline();
        Baseline sized = new Baseline(sample.serverVersion(), sample.serverVersionNumber(), sample.database(), bytes,
                sample.tables(), sample.extensions(), sample.roles(), sample.migrationVersion());
        ExpectedDowntime expected = ExpectedDowntime.estimated(sized, method, link);
        assertThat(expected.source()).isEqualTo(ExpectedDowntime.ESTIMATE);
        return expected.duration();
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
