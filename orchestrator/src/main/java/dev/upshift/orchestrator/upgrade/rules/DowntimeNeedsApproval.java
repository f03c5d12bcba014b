package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.api.Step;

/** The step that stops the dependents starts the downtime: it needs the operator's approval. */
public record DowntimeNeedsApproval(String upgradeId, Step step, boolean approved) implements DomainRule {

    @Override
    public boolean isViolated() {
        return step.kind().startsDowntime() && !approved;
    }

    @Override
    public String message() {
        return "step " + step.number() + " starts the downtime and needs approval: `upshift approve " + upgradeId
                + "`, or `upshift run " + upgradeId + " --yes`";
    }
}
