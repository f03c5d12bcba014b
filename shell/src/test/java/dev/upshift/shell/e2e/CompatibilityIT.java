package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 0.5 (and pg-upgrade's 0.7) against the real sample stack, for each method, one stack for the class (its server
 * allows prepared transactions): a test gives the old server its problems, runs {@code upshift preflight} and takes
 * them away again. A blocking finding ends the
 * pre-flight with exit 1 naming it, a warning lets it pass with its line; the stack is untouched either way.
 */
class CompatibilityIT {

    private static final String TO_17 = "upshift-testbed/postgres:17";
    private static final String TO_18 = "upshift-testbed/postgres:18";
    private static SampleStack stack;

    @TempDir
    Path home;

    @BeforeAll
    static void startTheStackWithPreparedTransactionsAllowed() {
        stack = SampleStack.start(compose -> compose.replace("    image: upshift-testbed/postgres:15\n",
                "    image: upshift-testbed/postgres:15\n    command: [\"postgres\", \"-c\", \"max_prepared_transactions=5\"]\n"));
    }

    @AfterAll
    static void removeTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void givenAPreparedTransactionARegprocColumnAndAnMd5RoleWhenPreflightingAPgUpgradeTo18ThenItExitsOneNamingBothBlockersAndWarnsOfTheRole()
            throws IOException {
        stack.psql("CREATE TABLE hooks (id int, handler regproc)");
        stack.psql("BEGIN; INSERT INTO hooks VALUES (7, 'now'); PREPARE TRANSACTION 'hook-7'");
        stack.psql("SET password_encryption = 'md5'; CREATE ROLE legacy_app LOGIN PASSWORD 'legacy-secret'");
        try {
            Upshift upshift = Upshift.planned(home, stack, TO_18, "regproc", "--method", "pg-upgrade",
                    "--upgrade-image", "upshift-testbed/postgres-upgrade:15-to-18");
            Untouched before = Untouched.of(stack);

            Upshift.Result preflight = upshift.run("preflight", "regproc");

            assertThat(preflight.exitCode()).as(preflight.toString()).isEqualTo(1);
            assertThat(preflight.stdout()).contains(
                    "BLOCKS 0.5 prepared transactions: 1 prepared transaction waits in the old server (pg_upgrade "
                            + "refuses a cluster that has any): 'hook-7' in makapix (owner owner, prepared ",
                    "what to do: end each with COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid'",
                    "BLOCKS 0.5 reg* columns: pg_upgrade refuses user columns of reg* types, whose OIDs the new catalog "
                            + "does not keep: public.hooks.handler (regproc)",
                    "WARNS  0.5 md5 passwords: MD5 password hashes are deprecated from PostgreSQL 18 and come over as "
                            + "they are, for roles legacy_app",
                    "WARNS  0.5 data checksums: the new cluster keeps data checksums off",
                    "Pre-flight failed at 0.5", "blocked by prepared transactions (", "; reg* columns (",
                    "Nothing in the stack was changed");
            assertThat(preflight.stdout()).doesNotContain("0.6 Check the upgrade image");
            assertThat(Untouched.of(stack)).isEqualTo(before);
        } finally {
            stack.psql("ROLLBACK PREPARED 'hook-7'");
            stack.psql("DROP TABLE hooks");
            stack.psql("DROP ROLE legacy_app");
        }
    }

    @Test
    void givenOnlyAChangeOfCLibraryWhenPreflightingAPgUpgradeTo17ThenItPassesWithTheWarningNamingTheIndexes()
            throws IOException {
        Upshift upshift = Upshift.planned(home, stack, TO_17, "libc", "--method", "pg-upgrade",
                "--upgrade-image", "upshift-testbed/postgres-upgrade:15-to-17");
        Untouched before = Untouched.of(stack);

        Upshift.Result preflight = upshift.run("preflight", "libc");

        assertThat(preflight.exitCode()).as(preflight.toString()).isZero();
        assertThat(preflight.stdout()).contains("WARNS  0.5 C library: the C library changes from glibc 2.36 to glibc 2.41: ",
                " on collatable columns must be rebuilt: ", "what to do: nothing: 3.9 rebuilds them in the downtime",
                "Check compatibility with the target (", "): 11 checks; warnings: C library",
                "done   0.6 Check the upgrade image", "done   0.7 Run pg_upgrade --check on a copy of the cluster",
                "pg_upgrade --check --copy on a base backup: clusters are compatible; scratch volume removed",
                "Pre-flight passed");
        assertThat(Untouched.of(stack)).isEqualTo(before);
        assertThat(StackFacts.volumeExists(stack.project() + "_upshift_check_libc")).as("the scratch volume").isFalse();
    }

    @Test
    void givenAFunctionInALibraryTheTargetDropsWhenPreflightingALinkTo17ThenPgUpgradesOwnCheckOnACopyNamesIt()
            throws IOException {
        // adminpack left PostgreSQL in 17; a C function bound to its library, without the extension, escapes 0.4 and 0.5
        stack.psql("CREATE FUNCTION legacy_file_write(text, text, boolean) RETURNS bigint "
                + "AS '$libdir/adminpack', 'pg_file_write' LANGUAGE C");
        try {
            Upshift upshift = Upshift.planned(home, stack, TO_17, "library", "--method", "pg-upgrade",
                    "--upgrade-image", "upshift-testbed/postgres-upgrade:15-to-17", "--transfer", "link");
            Untouched before = Untouched.of(stack);

            Upshift.Result preflight = upshift.run("preflight", "library");

            assertThat(preflight.exitCode()).as(preflight.toString()).isEqualTo(1);
            assertThat(preflight.stdout()).contains("Pre-flight failed at 0.7", "pg_upgrade --check failed",
                    "loadable_libraries.txt", "$libdir/adminpack", "Nothing in the stack was changed");
            assertThat(Untouched.of(stack)).isEqualTo(before);
            assertThat(StackFacts.volumeExists(stack.project() + "_upshift_check_library")).as("the scratch volume")
                    .isFalse();
        } finally {
            stack.psql("DROP FUNCTION legacy_file_write(text, text, boolean)");
        }
    }

    @Test
    void givenAnExtensionTheTargetNoLongerShipsWhenPreflightingThenItExitsOneNamingIt() throws IOException {
        stack.psql("CREATE EXTENSION adminpack"); // in 15, gone from 17
        try {
            Upshift upshift = Upshift.planned(home, stack, TO_17, "extension");
            Untouched before = Untouched.of(stack);

            Upshift.Result preflight = upshift.run("preflight", "extension");

            assertThat(preflight.exitCode()).as(preflight.toString()).isEqualTo(1);
            assertThat(preflight.stdout()).contains("Pre-flight failed at 0.4",
                    "the target image lacks extensions the database uses: adminpack", "Nothing in the stack was changed");
            assertThat(Untouched.of(stack)).isEqualTo(before);
        } finally {
            stack.psql("DROP EXTENSION adminpack");
        }
    }

    @Test
    void givenALogicalPlanWithTheRestartAllowedWhenTheSampleStackPassesAndThenGainsATableWithoutKeyAndALargeObjectThenItExitsOneNamingBoth()
            throws IOException {
        Upshift upshift = Upshift.planned(home, stack, TO_17, "logical", "--method", "logical", "--allow-restart");
        Untouched before = Untouched.of(stack);

        Upshift.Result passed = upshift.run("preflight", "logical");

        assertThat(passed.exitCode()).as(passed.toString()).isZero();
        assertThat(passed.stdout()).contains("WARNS  0.5 wal_level: wal_level is replica and logical decoding needs logical",
                "what to do: nothing: 2.2 restarts the old server once with wal_level=logical, as the plan allows",
                "WARNS  0.5 sequences: ", " sequences, whose values logical replication does not carry",
                "WARNS  0.5 schema changes: ", "Pre-flight passed");
        assertThat(passed.stdout()).doesNotContain("BLOCKS");
        stack.psql("CREATE TABLE audit_log (at timestamptz, line text)");
        String largeObject = stack.psql("SELECT lo_from_bytea(0, 'scan')");
        try {
            Upshift.Result blocked = upshift.run("preflight", "logical");

            assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(1);
            assertThat(blocked.stdout()).contains("BLOCKS 0.5 replica identity: once published, UPDATE and DELETE fail on "
                            + "the old server for tables with neither a primary key nor a replica identity: public.audit_log",
                    "what to do: add a primary key to each (ALTER TABLE … ADD PRIMARY KEY (…)), or ALTER TABLE … "
                            + "REPLICA IDENTITY FULL",
                    "BLOCKS 0.5 large objects: 1 large object is in the database, and logical replication does not carry them",
                    "Pre-flight failed at 0.5", "blocked by replica identity (", "; large objects (",
                    "Nothing in the stack was changed");
            assertThat(Untouched.of(stack)).isEqualTo(before);
        } finally {
            stack.psql("SELECT lo_unlink(" + largeObject + ")");
            stack.psql("DROP TABLE audit_log");
        }
    }

    /** What a pre-flight must leave as it was: the compose file, every service's container, the server's process. */
    private record Untouched(String composeFile, List<String> containers, String serverStartTime) {

        static Untouched of(SampleStack stack) throws IOException {
            return new Untouched(Files.readString(stack.composeFile()),
                    List.of("db", "api", "worker", "web").stream().map(stack::containerId).toList(),
                    stack.exec("db", "sh", "-c", "cut -d' ' -f22 /proc/1/stat"));
        }
    }
}
