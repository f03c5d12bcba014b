package dev.upshift.orchestrator.steps.execute;

import java.util.List;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.CollatedIndexesRebuilt;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import org.springframework.stereotype.Component;

/**
 * 3.9 (pg-upgrade): pg_upgrade keeps the index files as the old server built them, in the old C library's order.
 * Where the new server's library sorts differently (0.5 warned of it), a lookup in such an index can miss rows, so
 * each index on a libc-collated key is rebuilt here — in the downtime, before any dependent reads — and the recorded
 * collation versions are brought up to date. A redone step rebuilds again, which is harmless.
 */
@Component
public class RebuildCollatedIndexesStep implements StepExecutor {

    private final StackAccess stack;
    private final DatabaseAdministrator administrator;

    public RebuildCollatedIndexesStep(StackAccess stack, DatabaseAdministrator administrator) {
        this.stack = stack;
        this.administrator = administrator;
    }

    @Override
    public StepKind kind() {
        return StepKind.REBUILD_COLLATED_INDEXES;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        DatabaseEndpoint database = stack.database(history.plan());
        boolean changed = administrator.collationVersionChanged(database);
        List<String> rebuilt = changed ? administrator.rebuildCollatedIndexes(database) : List.of();
        return new CollatedIndexesRebuilt(history.upgradeId(), step, changed, rebuilt);
    }
}
