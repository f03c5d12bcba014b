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
 * that never started needs no inverse, so a failure in Phase 1 rolls back nothing, one in 3.5 nearly all.
 */
final class Compensation {

    /** Each inverse, in the order they run, with the forward step whose start makes it necessary. */
    private static final Map<StepKind, StepKind> INVERSES = orderedInverses();

    private Compensation() {
    }

    static List<Step> stepsFor(Set<StepKind> started) {
        List<Step> steps = new ArrayList<>();
        INVERSES.forEach((inverse, forward) -> {
            if (started.contains(forward)) {
                steps.add(new Step(Phase.ROLLBACK.prefix() + "." + (steps.size() + 1), inverse, null));
            }
        });
        return steps;
    }

    private static Map<StepKind, StepKind> orderedInverses() {
        Map<StepKind, StepKind> inverses = new LinkedHashMap<>();
        inverses.put(StepKind.STOP_STARTED_DEPENDENTS, StepKind.START_SERVICE);
        inverses.put(StepKind.REMOVE_NEW_DATABASE, StepKind.START_NEW_DATABASE);
        inverses.put(StepKind.REVERT_COMPOSE_FILE, StepKind.UPDATE_COMPOSE_FILE);
        inverses.put(StepKind.RECREATE_OLD_DATABASE, StepKind.STOP_DATABASE);
        inverses.put(StepKind.LIFT_FENCE, StepKind.STOP_DEPENDENTS);
        inverses.put(StepKind.VERIFY_OLD_DATABASE, StepKind.STOP_DEPENDENTS);
        inverses.put(StepKind.RESTART_DEPENDENTS, StepKind.STOP_DEPENDENTS);
        return inverses;
    }
}
