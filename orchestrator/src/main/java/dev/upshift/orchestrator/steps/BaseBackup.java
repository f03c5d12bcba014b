package dev.upshift.orchestrator.steps;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.ports.OneOffRun;
import org.springframework.stereotype.Component;

/**
 * A consistent copy of the live server, taken while it serves: {@code pg_basebackup} with the WAL streamed, run by a
 * one-off container that shares the server's network (it reaches the server on localhost, where the image's
 * pg_hba.conf trusts replication), into a directory of a volume. The copy is a cluster that starts by itself (its
 * recovery replays the streamed WAL). 0.7 checks pg_upgrade on such a copy; a rehearsal upgrades one.
 */
@Component
public class BaseBackup {

    /**
     * As postgres, from an image that has the old major's tools under PGBINOLD (an upgrade image) or on its PATH (the
     * server's own image); the directory emptied first, so that a redone copy starts clean.
     */
    private static final String SCRIPT = """
            install -d -o postgres -g postgres -m 700 "$COPY"
            find "$COPY" -mindepth 1 -delete
            cd /tmp
            exec setpriv --reuid=postgres --regid=postgres --init-groups "${PGBINOLD:+$PGBINOLD/}pg_basebackup" \\
              -h 127.0.0.1 -p 5432 -U "$SUPERUSER" -D "$COPY" -X stream -c fast --no-sync
            """;

    private final StackAccess stack;

    public BaseBackup(StackAccess stack) {
        this.stack = stack;
    }

    /**
     * Copies the plan's live server into {@code directory}, the volume mounted at {@code mountTarget}.
     *
     * @param name the one-off's name, so that a redone copy finds and removes a leftover
     */
    public void copy(UpgradePlan plan, String name, String image, String volume, String mountTarget, String directory,
                     Duration timeout) {
        Map<String, String> environment = new LinkedHashMap<>(Map.of("COPY", directory, "SUPERUSER", plan.superuser()));
        String password = stack.database(plan).password();
        if (password != null) {
            environment.put("PGPASSWORD", password); // the one-off's only, never recorded
        }
        stack.runToCompletion(plan, new OneOffRun(name, image, List.of("sh", "-euc", SCRIPT), environment,
                Map.of(volume, mountTarget), timeout, stack.container(plan, plan.service()).id()),
                "the base backup of the live server");
    }
}
