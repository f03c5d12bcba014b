package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * 0.4: the target image is present, runs a newer major version and has every extension the database uses.
 *
 * @param dataLayout where the image keeps its cluster (its VOLUME and PGDATA); null when it declares none, and in
 *        events of revision 1, which did not look
 */
@Revision("2")
public record CompatibilityChecked(String upgradeId, Step step, String targetImage, String imageId, String serverVersion,
                                   List<String> extensions, DataLayout dataLayout) implements StepOutcome {
}
