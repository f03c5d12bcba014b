package dev.upshift.orchestrator.upgrade;

import static dev.upshift.orchestrator.SamplePlans.RUNNER;
import static dev.upshift.orchestrator.SamplePlans.UPGRADE_ID;
import static dev.upshift.orchestrator.upgrade.Histories.completedUpTo;
import static dev.upshift.orchestrator.upgrade.Histories.step;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.events.CompatibilityChecksPassed;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.PreflightPassed;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.upgrade.compatibility.OldServer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * 0.5's verdicts are the aggregate's: every finding is recorded, a blocking one fails the pre-flight naming them all,
 * and otherwise the checks run and the warnings are the outcome.
 */
class UpgradeCompatibilityTest {

    private static final Step CHECK = step("0.5");
    private static final List<String> DUMP_RESTORE_CHECKS = List.of("prepared transactions", "shared_preload_libraries",
            "collation versions", "data checksums", "replication slots", "md5 passwords");
    private static final String PREPARED = "'invoice-7' in makapix (owner api_worker, prepared 2025-12-15 19:54:02 UTC)";
    private static final String PREPARED_DETAIL = "1 prepared transaction waits in the old server (a dump leaves them "
            + "out, so what they wrote would be lost): " + PREPARED;
    private static final String PREPARED_REMEDY = "end each with COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid' in "
            + "its database, then run preflight again";
    private static final List<String> LOGICAL_CHECKS = List.of("prepared transactions", "shared_preload_libraries",
            "collation versions", "data checksums", "replication slots", "md5 passwords", "wal_level",
            "replication headroom", "replica identity", "large objects", "unlogged tables", "sequences", "schema changes");
    private static final String WAL_LEVEL_DETAIL = "wal_level is replica and logical decoding needs logical";
    private static final String SEQUENCES_DETAIL = "36 sequences, whose values logical replication does not carry";
    private static final String SCHEMA_DETAIL = "logical replication does not carry schema changes (DDL, migrations) "
            + "made while the new server catches up";
    private static final CompatibilityIssueFound SEQUENCES_NOTE = new CompatibilityIssueFound(UPGRADE_ID, CHECK,
            "sequences", Verdict.WARNS, SEQUENCES_DETAIL, "nothing: they are copied at the switch (3.2)");
    private static final CompatibilityIssueFound SCHEMA_NOTE = new CompatibilityIssueFound(UPGRADE_ID, CHECK,
            "schema changes", Verdict.WARNS, SCHEMA_DETAIL,
            "make none until the upgrade is done: 3.2 compares the tables of both servers and rolls back if one changed");
    private static final String SLOT_DETAIL = "a dump carries no replication slot; lost: standby_1 (physical)";
    private static final String SLOT_REMEDY = "stop their consumers before the downtime; after the upgrade create the "
            + "lost slots again and resynchronise what read them (a standby needs a new base backup)";

    private final AggregateTestFixture<Upgrade> fixture = new AggregateTestFixture<>(Upgrade.class);

    @Test
    void givenNothingToFindWhenReportedThenTheChecksRunAreTheOutcomeAndThePreflightPasses() {
        fixture.given(checking())
                .when(new CompleteStep(UPGRADE_ID, OldServer.sample().seenAt(UPGRADE_ID, CHECK)))
                .expectEvents(new CompatibilityChecksPassed(UPGRADE_ID, CHECK, DUMP_RESTORE_CHECKS, List.of()),
                        new PreflightPassed(UPGRADE_ID));
    }

    @Test
    void givenAWarningWhenReportedThenItIsRecordedAndTheOutcomeListsItAndThePreflightPasses() {
        OldServer server = OldServer.sample().replicationSlot("standby_1", "physical");

        fixture.given(checking())
                .when(new CompleteStep(UPGRADE_ID, server.seenAt(UPGRADE_ID, CHECK)))
                .expectEvents(new CompatibilityIssueFound(UPGRADE_ID, CHECK, "replication slots", Verdict.WARNS,
                                SLOT_DETAIL, SLOT_REMEDY),
                        new CompatibilityChecksPassed(UPGRADE_ID, CHECK, DUMP_RESTORE_CHECKS,
                                List.of("replication slots: " + SLOT_DETAIL)),
                        new PreflightPassed(UPGRADE_ID));
    }

    @Test
    void givenABlockingFindingWhenReportedThenEveryFindingIsRecordedAndThePreflightFailsNamingTheBlockingOne() {
        OldServer server = OldServer.sample().preparedTransaction(PREPARED).replicationSlot("standby_1", "physical");

        fixture.given(checking())
                .when(new CompleteStep(UPGRADE_ID, server.seenAt(UPGRADE_ID, CHECK)))
                .expectEvents(new CompatibilityIssueFound(UPGRADE_ID, CHECK, "prepared transactions", Verdict.BLOCKS,
                                PREPARED_DETAIL, PREPARED_REMEDY),
                        new CompatibilityIssueFound(UPGRADE_ID, CHECK, "replication slots", Verdict.WARNS,
                                SLOT_DETAIL, SLOT_REMEDY),
                        new PreflightFailed(UPGRADE_ID, CHECK, "blocked by prepared transactions (" + PREPARED_DETAIL
                                + "); what to do is on each finding's line"));
    }

    @Test
    void givenARunWhoseCompatibilityPassesWhenReportedThenPhaseOneIsDue() {
        List<Object> history = completedUpTo(step("0.4"), false);
        history.add(new StepStarted(UPGRADE_ID, CHECK));

        fixture.given(history)
                .when(new CompleteStep(UPGRADE_ID, OldServer.sample().seenAt(UPGRADE_ID, CHECK)))
                .expectEvents(new CompatibilityChecksPassed(UPGRADE_ID, CHECK, DUMP_RESTORE_CHECKS, List.of()),
                        new PreflightPassed(UPGRADE_ID), new StepDue(UPGRADE_ID, step("1.1"), RUNNER));
    }

    @Test
    void givenALogicalPlanWithTheRestartAllowedWhenTheSampleServerIsReportedThenTheRestartIsANoteAndThePreflightPasses() {
        fixture.given(checking(SamplePlans.makapixByLogicalReplication(true)))
                .when(new CompleteStep(UPGRADE_ID, OldServer.sample().seenAt(UPGRADE_ID, CHECK)))
                .expectEvents(new CompatibilityIssueFound(UPGRADE_ID, CHECK, "wal_level", Verdict.WARNS, WAL_LEVEL_DETAIL,
                                "nothing: 2.2 restarts the old server once with wal_level=logical, as the plan allows "
                                        + "(a few seconds; the dependents' connections drop once)"),
                        SEQUENCES_NOTE, SCHEMA_NOTE,
                        new CompatibilityChecksPassed(UPGRADE_ID, CHECK, LOGICAL_CHECKS, List.of("wal_level: "
                                + WAL_LEVEL_DETAIL, "sequences: " + SEQUENCES_DETAIL, "schema changes: " + SCHEMA_DETAIL)),
                        new PreflightPassed(UPGRADE_ID));
    }

    @Test
    void givenALogicalPlanWithoutTheRestartWhenWalLevelIsReplicaThenThePreflightFailsNamingWalLevel() {
        fixture.given(checking(SamplePlans.makapixByLogicalReplication(false)))
                .when(new CompleteStep(UPGRADE_ID, OldServer.sample().seenAt(UPGRADE_ID, CHECK)))
                .expectEvents(new CompatibilityIssueFound(UPGRADE_ID, CHECK, "wal_level", Verdict.BLOCKS, WAL_LEVEL_DETAIL,
                                "plan again with --allow-restart, or set wal_level=logical and restart the server yourself"),
                        SEQUENCES_NOTE, SCHEMA_NOTE,
                        new PreflightFailed(UPGRADE_ID, CHECK, "blocked by wal_level (" + WAL_LEVEL_DETAIL
                                + "); what to do is on each finding's line"));
    }

    /** A stand-alone pre-flight at 0.5. */
    private static List<Object> checking() {
        List<Object> history = Histories.history(step("0.4"), false, false);
        history.add(new StepStarted(UPGRADE_ID, CHECK));
        return history;
    }

    /** A stand-alone pre-flight at 0.5 of this plan (its pre-flight steps are the sample plan's). */
    private static List<Object> checking(UpgradePlan plan) {
        List<Object> history = checking();
        history.set(0, new UpgradePlanned(UPGRADE_ID, plan));
        return history;
    }
}
