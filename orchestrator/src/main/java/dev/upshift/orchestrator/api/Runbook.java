package dev.upshift.orchestrator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/** The ordered steps of one upgrade, derived from its plan so that every reader numbers them alike. */
public record Runbook(List<Step> steps) {

    public Runbook {
        steps = List.copyOf(steps);
    }

    public static Runbook of(UpgradePlan plan) {
        List<Step> steps = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            if (phase == Phase.ROLLBACK) {
                continue;
            }
            int index = 1;
            for (StepKind kind : StepKind.values()) {
                if (kind.phase() != phase || !kind.belongsTo(plan.method())) {
                    continue;
                }
                if (kind == StepKind.START_SERVICE) {
                    for (String service : plan.startOrder()) {
                        steps.add(new Step(phase.prefix() + "." + index++, kind, service));
                    }
                } else {
                    steps.add(new Step(phase.prefix() + "." + index++, kind, null));
                }
            }
        }
        return new Runbook(steps);
    }

    public Step first(Phase phase) {
        return inPhase(phase).get(0);
    }

    public List<Step> inPhase(Phase phase) {
        return steps.stream().filter(step -> step.phase() == phase).toList();
    }

    /**
     * The step after the given one, if any. A step is found by what it does (its kind and service), not its number, so
     * that an upgrade recorded before a step was added to its phase carries on from where it is.
     */
    public Optional<Step> after(Step step) {
        int index = IntStream.range(0, steps.size())
                .filter(at -> steps.get(at).kind() == step.kind() && Objects.equals(steps.get(at).service(), step.service()))
                .findFirst().orElse(-1);
        if (index < 0) {
            throw new IllegalArgumentException("not a step of this runbook: " + step);
        }
        return index + 1 < steps.size() ? Optional.of(steps.get(index + 1)) : Optional.empty();
    }

    public boolean isLastOf(Phase phase, Step step) {
        List<Step> steps = inPhase(phase);
        return steps.get(steps.size() - 1).equals(step);
    }
}
