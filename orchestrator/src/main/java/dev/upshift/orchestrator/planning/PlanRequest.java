package dev.upshift.orchestrator.planning;

import java.nio.file.Path;
import java.util.List;

/**
 * What the operator asked for with {@code upshift plan}; every field but the compose file, the service and
 * the target may be null, and the planner fills in what the stack says.
 *
 * @param dependents the dependents in the order they are started (stopped in reverse), or null to derive
 *                   them from {@code depends_on}
 * @param dockerHost the engine the upgrade acts on ({@code unix://…}, {@code tcp://…}), or null for the default
 *                   engine of whichever process drives it
 * @param windows the maintenance windows as the operator wrote them ({@code --window}); none: Phase 3 at any time
 * @param allowRestart {@code --allow-restart}: logical may restart the old server for {@code wal_level}
 */
public record PlanRequest(
        Path composeFile,
        String service,
        String targetImage,
        String upgradeId,
        String method,
        List<String> dependents,
        Path backupDir,
        String dockerHost,
        String upgradeImage,
        String transfer,
        String snapshot,
        List<String> windows,
        boolean allowRestart) {
}
