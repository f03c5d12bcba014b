package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.Baseline.ExtensionVersion;
import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * pg-upgrade: the installed version of each extension comes over as it is, so the target's scripts must know it
 * (its install script, or an update from or to it), or 5.2's {@code ALTER EXTENSION … UPDATE} has no path. A dump
 * creates the target's own version instead; an extension the target lacks altogether is 0.4's refusal.
 */
final class ExtensionVersionsKnownToTheTarget extends CompatibilityCheck {

    ExtensionVersionsKnownToTheTarget() {
        super("extension versions", UpgradeMethod.PG_UPGRADE);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        List<String> files = seen.target().extensionFiles();
        return blocksIfAny(seen.database().extensions().stream()
                        .filter(extension -> files.contains(extension.name() + ".control"))
                        .filter(extension -> !knows(files, extension))
                        .map(extension -> extension.name() + " " + extension.version()).toList(),
                "the target's extension scripts do not know the installed versions",
                "ALTER EXTENSION … UPDATE to a version the target ships, or plan with --method dump-restore");
    }

    private static boolean knows(List<String> files, ExtensionVersion extension) {
        String prefix = extension.name() + "--";
        String version = extension.version();
        return files.stream().filter(file -> file.startsWith(prefix) && file.endsWith(".sql"))
                .map(file -> file.substring(prefix.length(), file.length() - ".sql".length()))
                .anyMatch(versions -> versions.equals(version) || versions.startsWith(version + "--")
                        || versions.endsWith("--" + version));
    }
}
