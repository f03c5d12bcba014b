package dev.upshift.orchestrator.upgrade.rules;

import java.util.Objects;

/**
 * Only the process that drives the upgrade starts its steps: a step due long ago for another runner (the nodes
 * reading history, a process that lost its claim while frozen) is refused.
 */
public record TheRunnerRunsTheSteps(String upgradeId, String runner, String asking) implements DomainRule {

    @Override
    public boolean isViolated() {
        return !Objects.equals(runner, asking);
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is driven by " + runner + ", not by " + asking + "; it runs the steps";
    }
}
