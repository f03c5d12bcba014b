package dev.upshift.audit.components;

import java.util.Optional;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.events.PreflightFailed;
import dev.upshift.orchestrator.api.events.RollbackCompleted;
import dev.upshift.orchestrator.api.events.RollbackFailed;
import dev.upshift.orchestrator.api.events.RollbackInitiated;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepProgress;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.UpgradeCompleted;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.events.UpgradePlanned;

/** The moments of the runbook's "Expected Website Behavior" tables, as the steps of an upgrade fall into them. */
enum Moment {
    BEFORE("Before upgrade"),
    BACKUP_AND_PREPARE("During Phase 1-2 (backup, prepare)"),
    SERVICES_STOPPING("During Phase 3.1-3.2 (services stopping)"),
    DATABASE_MIGRATION("During Phase 3.3-3.5 (database migration)"),
    VERIFICATION("During Phase 3.6-3.7 (verification)"),
    SERVICES_RESTARTING("During Phase 4 (services restarting)"),
    VALIDATION("During Phase 5 (validation)"),
    AFTER("After Phase 5"),
    ROLLBACK("During rollback"),
    AFTER_ROLLBACK("After rollback"),
    ROLLBACK_STOPPED("Rollback stopped");

    private final String label;

    Moment(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The moment an event belongs to; empty for events that happen in whatever moment is under way (a gate, a run). */
    static Optional<Moment> of(UpgradeEvent event) {
        if (event instanceof UpgradePlanned) {
            return Optional.of(BEFORE);
        }
        if (event instanceof RollbackInitiated) {
            return Optional.of(ROLLBACK);
        }
        if (event instanceof RollbackFailed) {
            return Optional.of(ROLLBACK_STOPPED);
        }
        if (event instanceof RollbackCompleted) {
            return Optional.of(AFTER_ROLLBACK);
        }
        if (event instanceof UpgradeCompleted) {
            return Optional.of(AFTER);
        }
        return stepOf(event).map(Moment::of);
    }

    static Moment of(Step step) {
        return switch (step.kind()) {
            case STOP_DEPENDENTS, FENCE_DATABASE, STOP_DATABASE -> SERVICES_STOPPING;
            case SNAPSHOT_VOLUME, REMOVE_OLD_CONTAINER, START_NEW_DATABASE, UPGRADE_CLUSTER, START_UPGRADED_DATABASE
                    -> DATABASE_MIGRATION;
            case VERIFY_VERSION, VERIFY_INTEGRITY -> VERIFICATION;
            default -> of(step.phase());
        };
    }

    private static Moment of(Phase phase) {
        return switch (phase) {
            case PREFLIGHT -> BEFORE;
            case BACKUP, PREPARE -> BACKUP_AND_PREPARE;
            case EXECUTE -> DATABASE_MIGRATION;
            case RESTORE_SERVICES -> SERVICES_RESTARTING;
            case VALIDATE -> VALIDATION;
            case CLEANUP -> AFTER;
            case ROLLBACK -> ROLLBACK;
        };
    }

    private static Optional<Step> stepOf(UpgradeEvent event) {
        if (event instanceof StepStarted started) {
            return Optional.of(started.step());
        }
        if (event instanceof StepOutcome outcome) {
            return Optional.of(outcome.step());
        }
        if (event instanceof StepProgress progress) {
            return Optional.of(progress.step());
        }
        if (event instanceof StepFailed failed) {
            return Optional.of(failed.step());
        }
        if (event instanceof PreflightFailed failed) {
            return Optional.of(failed.step());
        }
        return Optional.empty();
    }
}
