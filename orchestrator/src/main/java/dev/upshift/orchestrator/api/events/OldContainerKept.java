package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.4: the old container set aside, stopped, under another name ({@code keptAs}), so that the new one can take its
 * name; removed after completion by retention (6.1), renamed back by a quick rollback. {@code imageId}: the image it
 * was created from, the one 6.1 may remove.
 */
@Revision("1")
public record OldContainerKept(String upgradeId, Step step, String containerId, String name, String keptAs,
                               String imageId) implements StepOutcome {
}
