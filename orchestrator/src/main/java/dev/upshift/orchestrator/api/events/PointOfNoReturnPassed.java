package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.6 (pg-upgrade, link): recorded before the new server first starts on data files the old cluster shares. Once it
 * has written to them the old cluster cannot run again, so from here a rollback restores the old version from a dump
 * into a fresh volume (the full rollback) instead of starting the old server on its volume.
 *
 * @param volume the volume both clusters are in
 */
@Revision("1")
public record PointOfNoReturnPassed(String upgradeId, Step step, String volume) implements StepProgress {
}
