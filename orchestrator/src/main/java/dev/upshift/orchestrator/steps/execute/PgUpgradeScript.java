package dev.upshift.orchestrator.steps.execute;

/** The shell both pg_upgrade steps run as postgres, 0.7's check on a copy and 3.5's upgrade. */
public final class PgUpgradeScript {

    /**
     * Defines {@code upgrade OLD_DATA NEW_DATA [pg_upgrade option…]}: initdb of the new cluster with the old one's
     * settings (0.6's, in {@code INITDB_ARGS}), then pg_upgrade into it with the plan's {@code TRANSFER} mode; the
     * upgrade image's {@code PGBINOLD} and {@code PGBINNEW}, and {@code SUPERUSER}, are set. No single quote: it goes
     * inside {@code sh -euc '…'}.
     */
    public static final String UPGRADE_FUNCTION = """
              upgrade() {
                "$PGBINNEW/initdb" -D "$2" -U "$SUPERUSER" $INITDB_ARGS >/dev/null || return
                old=$1 new=$2
                shift 2
                "$PGBINNEW/pg_upgrade" -b "$PGBINOLD" -B "$PGBINNEW" -d "$old" -D "$new" -U "$SUPERUSER" --$TRANSFER "$@"
              }
            """;

    private PgUpgradeScript() {
    }
}
