package dev.upshift.orchestrator.api.events;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * What the rehearsal made was removed, whatever its outcome: only what it made itself.
 *
 * @param containers the scratch project's containers removed, by name
 * @param volumes the volumes removed: the scratch copy and those the rehearsal's upgrade made
 * @param directory the directory removed with the scratch compose file and the rehearsal's backups
 * @param notRemoved what could not be removed, and why (empty when everything went)
 */
@Revision("1")
public record RehearsalCleanedUp(String upgradeId, String rehearsalId, List<String> containers, List<String> volumes,
                                 String directory, List<String> notRemoved) implements RehearsalEvent {

    public RehearsalCleanedUp {
        containers = List.copyOf(containers);
        volumes = List.copyOf(volumes);
        notRemoved = List.copyOf(notRemoved);
    }
}
