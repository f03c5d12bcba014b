package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Retained;
import org.axonframework.serialization.Revision;

/**
 * On completion: what the upgrade keeps and until when ({@code plan --keep-old}), each removed at its time by a
 * Phase 6 step on a node; {@code keptForGood} names what retention will not remove, and why.
 */
@Revision("1")
public record RetentionScheduled(String upgradeId, List<Retained> items, List<String> keptForGood)
        implements UpgradeEvent {

    public RetentionScheduled {
        items = List.copyOf(items);
        keptForGood = List.copyOf(keptForGood);
    }
}
