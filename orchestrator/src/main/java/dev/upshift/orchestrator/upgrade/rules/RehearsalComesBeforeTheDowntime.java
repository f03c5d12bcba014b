package dev.upshift.orchestrator.upgrade.rules;

/** A rehearsal tells what the downtime will be; once it started, there is nothing left to rehearse. */
public record RehearsalComesBeforeTheDowntime(String upgradeId, boolean downtimeStarted) implements DomainRule {

    @Override
    public boolean isViolated() {
        return downtimeStarted;
    }

    @Override
    public String message() {
        return "the downtime of upgrade " + upgradeId + " has already started; a rehearsal is for one still to come";
    }
}
