package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;

/** One named check of 0.5: judges what the step observed, for the plan (its method above all), into at most one finding. */
public abstract class CompatibilityCheck {

    private final String name;
    private final UpgradeMethod onlyFor;

    /** @param onlyFor the one method the check concerns (pg_upgrade's own refusals do not concern a dump), or null */
    CompatibilityCheck(String name, UpgradeMethod onlyFor) {
        this.name = name;
        this.onlyFor = onlyFor;
    }

    /** The check's name as the log and the operator guide write it ("prepared transactions"). */
    public String name() {
        return name;
    }

    public boolean appliesTo(UpgradeMethod method) {
        return onlyFor == null || onlyFor == method;
    }

    public abstract Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan);

    Optional<CompatibilityFinding> blocks(String detail, String remedy) {
        return Optional.of(new CompatibilityFinding(name, Verdict.BLOCKS, detail, remedy));
    }

    Optional<CompatibilityFinding> warns(String detail, String remedy) {
        return Optional.of(new CompatibilityFinding(name, Verdict.WARNS, detail, remedy));
    }

    /** A blocking finding that lists what was found after its detail, or none when nothing was. */
    Optional<CompatibilityFinding> blocksIfAny(List<?> found, String detail, String remedy) {
        return found.isEmpty() ? Optional.empty() : blocks(detail + ": " + listed(found), remedy);
    }

    static String listed(List<?> items) {
        return String.join(", ", items.stream().map(String::valueOf).toList());
    }
}
