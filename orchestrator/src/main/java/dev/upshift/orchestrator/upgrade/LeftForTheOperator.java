package dev.upshift.orchestrator.upgrade;

import java.util.List;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Step;

/** When a rollback stops, the steps it did not finish are what the operator must do by hand. */
final class LeftForTheOperator {

    private LeftForTheOperator() {
    }

    static String after(Step failed, List<Step> rollbackSteps) {
        int from = Math.max(rollbackSteps.indexOf(failed), 0);
        return rollbackSteps.subList(from, rollbackSteps.size()).stream()
                .map(Step::toString)
                .collect(Collectors.joining("; ", "by hand, in this order: ", ""));
    }
}
