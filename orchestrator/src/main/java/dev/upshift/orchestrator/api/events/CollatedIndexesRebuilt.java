package dev.upshift.orchestrator.api.events;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 3.9 (pg-upgrade): the C library sorts differently on the new server (the collation version pg_upgrade carried
 * over is not the one its library reports), so every index whose order it decides was rebuilt before the dependents
 * start, and the database's and collations' recorded versions were refreshed; or it does not, and nothing was needed.
 *
 * @param libraryChanged whether the collation versions differed
 * @param indexes        the indexes rebuilt, as quoted names "schema.index"
 */
@Revision("1")
public record CollatedIndexesRebuilt(String upgradeId, Step step, boolean libraryChanged, List<String> indexes)
        implements StepOutcome {

    public CollatedIndexesRebuilt {
        indexes = List.copyOf(indexes);
    }
}
