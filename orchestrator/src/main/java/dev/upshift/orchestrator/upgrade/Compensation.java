package dev.upshift.orchestrator.upgrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;

/**
 * The rollback of an upgrade: the inverse of each forward step that was started, in reverse order. A step
 * that never started needs no inverse, so a failure in Phase 1 rolls back nothing, one in 3.5 nearly all. The quick
 * rollback starts the old server again on its volume (after pg_upgrade's link, once the old cluster has its control
 * file back); the full one restores the old version from a dump into a fresh volume instead. The logical method's
 * replica and its replication are removed once the old server runs again.
 */
final class Compensation {

    /** Each inverse, in the order they run, with the forward steps whose start makes it necessary (one per method). */
    private static final Map<StepKind, Set<StepKind>> INVERSES = orderedInverses();

    private Compensation() {
    }

    /** The quick rollback, after a copy: nothing done to the old volume. */
    static List<Step> stepsFor(Set<StepKind> started) {
        return stepsFor(started, false, false);
    }

    /**
     * @param full      restore the old version from a dump into a fresh volume
     * @param linked    pg_upgrade's link renamed the old cluster's control file (its rollback, quick, renames it back)
     */
    static List<Step> stepsFor(Set<StepKind> started, boolean full, boolean linked) {
        Set<StepKind> notTaken = full ? Set.of(StepKind.RESTORE_OLD_CLUSTER, StepKind.RECREATE_OLD_DATABASE)
                : linked ? Set.of(StepKind.RESTORE_OLD_VERSION)
                : Set.of(StepKind.RESTORE_OLD_VERSION, StepKind.RESTORE_OLD_CLUSTER);
        List<Step> steps = new ArrayList<>();
        INVERSES.forEach((inverse, forwards) -> {
            if (!notTaken.contains(inverse) && forwards.stream().anyMatch(started::contains)) {
                steps.add(new Step(Phase.ROLLBACK.prefix() + "." + (steps.size() + 1), inverse, null));
            }
        });
        return steps;
    }

    private static Map<StepKind, Set<StepKind>> orderedInverses() {
        Set<StepKind> downtime = Set.of(StepKind.STOP_DEPENDENTS, StepKind.FENCE_DATABASE);
        Map<StepKind, Set<StepKind>> inverses = new LinkedHashMap<>();
        inverses.put(StepKind.STOP_STARTED_DEPENDENTS, Set.of(StepKind.START_SERVICE));
        // pg_upgrade's copy and the logical replica leave the old volume as it was: removing the new server is the inverse
        inverses.put(StepKind.REMOVE_NEW_DATABASE, Set.of(StepKind.START_NEW_DATABASE, StepKind.UPGRADE_CLUSTER,
                StepKind.PROMOTE_REPLICA));
        inverses.put(StepKind.REVERT_COMPOSE_FILE, Set.of(StepKind.UPDATE_COMPOSE_FILE, StepKind.SWITCH_COMPOSE_FILE));
        inverses.put(StepKind.RESTORE_OLD_CLUSTER, Set.of(StepKind.UPGRADE_CLUSTER));
        inverses.put(StepKind.RECREATE_OLD_DATABASE, Set.of(StepKind.STOP_DATABASE));
        inverses.put(StepKind.RESTORE_OLD_VERSION, Set.of(StepKind.STOP_DATABASE));
        // the old server runs again by now: its slot and publication go with the replica
        inverses.put(StepKind.REMOVE_REPLICA, Set.of(StepKind.BUILD_REPLICA));
        inverses.put(StepKind.LIFT_FENCE, downtime);
        inverses.put(StepKind.VERIFY_OLD_DATABASE, downtime);
        inverses.put(StepKind.RESTART_DEPENDENTS, downtime);
        return inverses;
    }
}
