package dev.upshift.orchestrator.api.events;

/**
 * What a rehearsal ({@code upshift rehearse}) did, recorded on the upgrade it rehearses: the planned method run end to
 * end on a scratch copy of the database, as an upgrade of its own ({@code rehearsalId}), the live stack untouched.
 */
public sealed interface RehearsalEvent extends UpgradeEvent permits
        RehearsalStarted, RehearsalCompleted, RehearsalFailed, RehearsalCleanedUp {

    /** The id of the upgrade that ran on the scratch copy. */
    String rehearsalId();
}
