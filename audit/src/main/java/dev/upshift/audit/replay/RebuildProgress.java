package dev.upshift.audit.replay;

/** How far a rebuild is: the events every read model has replayed so far, of those in the store when it began. */
public record RebuildProgress(long done, long total) {
}
