package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.RUNBOOK;
import static dev.upshift.orchestrator.upgrade.Histories.rollingBack;
import static dev.upshift.orchestrator.upgrade.Histories.running;
import static dev.upshift.orchestrator.upgrade.Histories.step;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.OldDatabaseObserved;
import dev.upshift.orchestrator.api.RestoredDatabaseObserved;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.IntegrityMismatchDetected;
import dev.upshift.orchestrator.api.events.IntegrityVerified;
import dev.upshift.orchestrator.api.events.OldDatabaseVerified;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepFailed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The safety verdicts are the aggregate's: a step reports what it observed, and a named rule decides whether its
 * outcome holds — recorded with the next step due — or the step fails with the rule's message and compensation is due.
 */
class UpgradeVerdictsTest {

    private static final BackupFile DUMP = new BackupFile("/opt/makapix/backups/final.dump", 141_414L, "ab12");
    private static final BackupFile ROLES = new BackupFile("/opt/makapix/backups/final_roles.sql", 512L, "cd34");

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenTheFinalDumpWithNoWriteBehindTheFenceWhenReportedThenItIsRecordedAndTheNextStepIsDue() {
        FinalDumpTaken dump = new FinalDumpTaken(UPGRADE_ID, step("3.1"), DUMP, ROLES, 0);

        fixture.given(fenced())
                .when(new CompleteStep(UPGRADE_ID, dump))
                .expectEvents(dump, new StepDue(UPGRADE_ID, step("3.2"), RUNNER));
    }

    @Test
    void givenWritesBehindTheFenceWhenTheFinalDumpIsReportedThenTheStepFailsWithTheRulesMessageAndTheRollbackIsDue() {
        String reason = "3 rows were written behind the fence during step 3.1: a client is connected "
                + "as a superuser; stop it and run the upgrade again";

        fixture.given(fenced())
                .when(new CompleteStep(UPGRADE_ID, new FinalDumpTaken(UPGRADE_ID, step("3.1"), DUMP, ROLES, 3)))
                .expectEvents(new StepFailed(UPGRADE_ID, step("3.1"), reason),
                        automaticRollback(step("3.1"), reason),
                        new StepDue(UPGRADE_ID, inverses(step("3.1")).get(0), RUNNER));
    }

    @Test
    void givenTheRestoredDataIsTheFencedDataWhenReportedThenIntegrityIsVerifiedAndPhaseFourIsDue() {
        fixture.given(running(step("3.7")))
                .when(new CompleteStep(UPGRADE_ID, new RestoredDatabaseObserved(UPGRADE_ID, step("3.7"), restored(18), 1_204_400L)))
                .expectEvents(new IntegrityVerified(UPGRADE_ID, step("3.7"), 2, 55L, SamplePlans.baseline().extensions(),
                                "20251214000000", 1_204_400L),
                        new StepDue(UPGRADE_ID, RUNBOOK.after(step("3.7")).orElseThrow(), RUNNER));
    }

    @Test
    void givenARowMoreThanAtTheFenceWhenReportedThenTheMismatchIsRecordedTheStepFailsAndTheRollbackIsDue() {
        List<String> differences = List.of("table public.users has 19 rows, had 18 at the fence");
        String reason = "integrity mismatch: table public.users has 19 rows, had 18 at the fence";
        fixture.given(running(step("3.7")))
                .when(new CompleteStep(UPGRADE_ID, new RestoredDatabaseObserved(UPGRADE_ID, step("3.7"), restored(19), 1_204_400L)))
                .expectEvents(new IntegrityMismatchDetected(UPGRADE_ID, step("3.7"), differences),
                        new StepFailed(UPGRADE_ID, step("3.7"), reason),
                        automaticRollback(step("3.7"), reason),
                        new StepDue(UPGRADE_ID, inverses(step("3.7")).get(0), RUNNER));
    }

    @Test
    void givenTheOldServerWithItsDataWhenTheRollbackVerifiesItThenItIsVerifiedAndTheNextInverseStepIsDue() {
        Step verify = new Step("R.1", StepKind.VERIFY_OLD_DATABASE, null);
        Step restart = new Step("R.2", StepKind.RESTART_DEPENDENTS, null);

        fixture.given(rollingBack(step("3.7"), verify, restart))
                .when(new CompleteStep(UPGRADE_ID, new OldDatabaseObserved(UPGRADE_ID, verify, restored(18))))
                .expectEvents(new OldDatabaseVerified(UPGRADE_ID, verify, "16.11", 55L),
                        new StepDue(UPGRADE_ID, restart, RUNNER));
    }

    @Test
    void givenTheNewVersionStillServingWhenTheRollbackVerifiesItThenTheRollbackFailsSayingWhichVersionRuns() {
        Step verify = new Step("R.1", StepKind.VERIFY_OLD_DATABASE, null);
        Step restart = new Step("R.2", StepKind.RESTART_DEPENDENTS, null);
        Baseline baseline = SamplePlans.baseline();
        Baseline seventeen = new Baseline("17.7", 170007, baseline.database(), baseline.databaseSizeBytes(), baseline.tables(),
                baseline.extensions(), baseline.roles(), baseline.migrationVersion());

        fixture.given(rollingBack(step("3.7"), verify, restart))
                .when(new CompleteStep(UPGRADE_ID, new OldDatabaseObserved(UPGRADE_ID, verify, seventeen)))
                .expectEvents(new RollbackFailed(UPGRADE_ID, verify, "the database service runs PostgreSQL 17.7, not 16.11",
                        LeftForTheOperator.after(verify, List.of(verify, restart))));
    }

    /** The sample upgrade with 3.1 under way and its fence recorded. */
    private static List<Object> fenced() {
        List<Object> history = running(step("3.1"));
        history.add(Histories.FENCED);
        return history;
    }

    /** The sample database as inspected, with this many users. */
    private static Baseline restored(long users) {
        Baseline baseline = SamplePlans.baseline();
        return new Baseline(baseline.serverVersion(), baseline.serverVersionNumber(), baseline.database(),
                baseline.databaseSizeBytes(), List.of(new Baseline.TableRows("public", "posts", 37),
                new Baseline.TableRows("public", "users", users)), baseline.extensions(), baseline.roles(),
                baseline.migrationVersion());
    }

    private static RollbackInitiated automaticRollback(Step failed, String reason) {
        return new RollbackInitiated(UPGRADE_ID, "step " + failed + " failed: " + reason, failed, "quick", true,
                inverses(failed), RUNNER);
    }

    /** The compensation of every step started up to the failed one. */
    private static List<Step> inverses(Step failed) {
        Set<StepKind> started = EnumSet.noneOf(StepKind.class);
        RUNBOOK.steps().subList(0, RUNBOOK.steps().indexOf(failed) + 1).forEach(step -> started.add(step.kind()));
        return Compensation.stepsFor(started);
    }
}
