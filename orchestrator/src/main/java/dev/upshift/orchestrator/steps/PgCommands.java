package dev.upshift.orchestrator.steps;

import java.util.List;

import dev.upshift.orchestrator.api.UpgradePlan;

/** The command lines of PostgreSQL's client tools that name the stack's database, run as argv with no shell between. */
public final class PgCommands {

    private PgCommands() {
    }

    /** Verbose: pg_dump names each table as it dumps it, which is how far it is. */
    public static List<String> customDump(UpgradePlan plan) {
        return List.of("pg_dump", "--verbose", "-U", plan.superuser(), "-Fc", "-d", database(plan.database()));
    }

    public static List<String> plainDump(UpgradePlan plan) {
        return List.of("pg_dump", "--verbose", "-U", plan.superuser(), "-d", database(plan.database()));
    }

    public static List<String> rolesDump(UpgradePlan plan) {
        return List.of("pg_dumpall", "-U", plan.superuser(), "--roles-only");
    }

    /** Verbose: pg_restore names each entry as it starts on it, which is how far the restore is. */
    public static List<String> restore(UpgradePlan plan, String dumpFile) {
        return List.of("pg_restore", "--verbose", "-U", plan.superuser(), "-d", database(plan.database()),
                "--single-transaction", "--exit-on-error", dumpFile);
    }

    /**
     * The tools read a {@code -d} holding '=' as a connection string, so a database named {@code a=b host=x} would
     * be taken for one: the name always goes in as a quoted {@code dbname}.
     */
    public static String database(String name) {
        return "dbname='" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
