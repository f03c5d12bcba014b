package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * Every method: a library the old server preloads must be in the target image, or the new server does not start
 * with the old configuration (pg-upgrade copies it) and what depends on the library fails (dump-restore, logical).
 */
final class PreloadLibrariesInTheTarget extends CompatibilityCheck {

    PreloadLibrariesInTheTarget() {
        super("shared_preload_libraries", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        return blocksIfAny(seen.database().preloadLibraries().stream()
                        .filter(library -> !seen.target().libraries().contains(library)).toList(),
                "the old server preloads libraries the target image lacks",
                "use a target image that ships them at a version for PostgreSQL " + seen.target().majorVersion()
                        + ", or remove them from shared_preload_libraries (and drop the extensions that need them) first");
    }
}
