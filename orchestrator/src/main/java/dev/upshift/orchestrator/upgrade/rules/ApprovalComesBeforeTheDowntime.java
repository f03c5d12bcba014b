package dev.upshift.orchestrator.upgrade.rules;

/** Approval is for a downtime still to come. */
public record ApprovalComesBeforeTheDowntime(String upgradeId, boolean downtimeStarted) implements DomainRule {

    @Override
    public boolean isViolated() {
        return downtimeStarted;
    }

    @Override
    public String message() {
        return "the downtime of upgrade " + upgradeId + " has already started; there is nothing left to approve";
    }
}
