package dev.upshift.orchestrator.api.events;

import java.util.List;

import org.axonframework.serialization.Revision;

/** A rollback of the completed upgrade: nothing more is removed; {@code kept} names what stays. */
@Revision("1")
public record RetentionCancelled(String upgradeId, String reason, List<String> kept) implements UpgradeEvent {

    public RetentionCancelled {
        kept = List.copyOf(kept);
    }
}
