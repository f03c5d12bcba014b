package dev.upshift.orchestrator.upgrade.rules;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline;

/**
 * 3.7: the restored database is the fenced one — the baseline's schema facts (tables, extensions, roles with their
 * attributes, the migration version) and, table by table, the rows counted at the fence. Extension versions may
 * rise; nothing else may differ.
 */
public record RestoredDataMatchesTheFence(Baseline baseline, List<Baseline.TableRows> fenceCounts, Baseline restored)
        implements DomainRule {

    public List<String> differences() {
        return IntegrityCheck.differences(baseline, fenceCounts, restored);
    }

    @Override
    public boolean isViolated() {
        return !differences().isEmpty();
    }

    @Override
    public String message() {
        return "integrity mismatch: " + String.join("; ", differences());
    }
}
