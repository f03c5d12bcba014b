package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/** 6.2: the backup files the upgrade wrote (1.x, 3.1), removed; each still had the checksum recorded for it. */
@Revision("1")
public record BackupsRemoved(String upgradeId, Step step, List<String> files) implements StepProgress {

    public BackupsRemoved {
        files = List.copyOf(files);
    }
}
