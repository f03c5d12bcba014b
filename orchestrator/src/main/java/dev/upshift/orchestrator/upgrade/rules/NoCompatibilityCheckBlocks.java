package dev.upshift.orchestrator.upgrade.rules;

import java.util.List;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.upgrade.compatibility.CompatibilityFinding;

/** 0.5: the pre-flight passes only if no compatibility check blocks the upgrade; the message names every one that does. */
public record NoCompatibilityCheckBlocks(List<CompatibilityFinding> findings) implements DomainRule {

    @Override
    public boolean isViolated() {
        return findings.stream().anyMatch(CompatibilityFinding::blocks);
    }

    @Override
    public String message() {
        return "blocked by " + findings.stream().filter(CompatibilityFinding::blocks)
                .map(finding -> finding.check() + " (" + finding.detail() + ")")
                .collect(Collectors.joining("; ")) + "; what to do is on each finding's line";
    }
}
