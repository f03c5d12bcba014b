package dev.upshift.orchestrator.adapters.jdbc;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Baseline.ExtensionVersion;
import dev.upshift.orchestrator.api.Baseline.RoleAttributes;
import dev.upshift.orchestrator.api.Baseline.TableRows;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.DatabaseInspector;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Against the test bed's real PostgreSQL 15, seeded with the runbook's makapix figures. */
class JdbcDatabaseInspectorTest {

    private static final Pattern SEEDED_TABLE = Pattern.compile("(?m)^CREATE TABLE (\\w+)");

    private static SampleStack stack;
    private static Baseline baseline;

    private final JdbcDatabaseInspector inspector = new JdbcDatabaseInspector();

    @BeforeAll
    static void inspectTheSeededStack() {
        stack = SampleStack.start();
        baseline = new JdbcDatabaseInspector().inspect(endpoint(SampleStack.DATABASE, password()));
    }

    @AfterAll
    static void removeTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void givenTheSampleClusterWhenReadingItsSettingsThenTheyAreTheEntrypointsInitdbs() {
        ClusterSettings cluster = inspector.clusterSettings(endpoint(SampleStack.DATABASE, password()));

        assertThat(cluster).isEqualTo(new ClusterSettings("UTF8", "en_US.UTF-8", "en_US.UTF-8", "libc", false));
    }

    @Test
    void givenTheSampleServerWhenAskingOnlyItsVersionThenItIsTheBaselinesVersionAndMajor() {
        assertThat(inspector.serverVersion(endpoint(SampleStack.DATABASE, password())))
                .isEqualTo(new DatabaseInspector.ServerVersion(baseline.serverVersion(), 15));
    }

    @Test
    void givenSeededDatabase_whenInspect_thenEveryTableOfTheSeedIsListedInNameOrder() throws IOException {
        String schema = Files.readString(stack.directory().resolve("seed/01-schema.sql"));
        List<String> seeded = SEEDED_TABLE.matcher(schema).results().map(match -> match.group(1)).sorted().toList();

        assertThat(seeded).hasSize(38);
        assertThat(baseline.tables()).extracting(TableRows::name).containsExactlyElementsOf(seeded);
        assertThat(baseline.tables()).extracting(TableRows::schema).containsOnly("public");
    }

    @Test
    void givenSeededDatabase_whenInspect_thenUsersAndPostsHaveTheRunbooksRowCounts() {
        assertThat(baseline.rowsOf("users")).isEqualTo(18);
        assertThat(baseline.rowsOf("posts")).isEqualTo(37);
    }

    @Test
    void givenSeededDatabase_whenInspect_thenRowCountsAreExact() {
        // site_events grows under the running worker, so only the tables nobody writes to are compared
        String exact = stack.psql("SELECT (SELECT count(*) FROM refresh_tokens) || ',' || (SELECT count(*) FROM follows)");

        assertThat(baseline.rowsOf("refresh_tokens") + "," + baseline.rowsOf("follows")).isEqualTo(exact);
    }

    @Test
    void givenSeededDatabase_whenInspect_thenItsExtensionsAreListedWithVersions() {
        assertThat(baseline.extensions()).extracting(ExtensionVersion::name)
                .containsExactly("pg_trgm", "pgcrypto", "plpgsql");
        assertThat(baseline.extensions()).allSatisfy(extension -> assertThat(extension.version()).matches("\\d+(\\.\\d+)*"));
    }

    @Test
    void givenSeededDatabase_whenInspect_thenOwnerIsASuperuser() {
        assertThat(role("owner").attributes()).contains("Superuser", "Create role", "Create DB", "Replication", "Bypass RLS");
    }

    @Test
    void givenSeededDatabase_whenInspect_thenApiWorkerIsAPlainLoginRole() {
        assertThat(role("api_worker").attributes()).isEmpty();
    }

    @Test
    void givenSeededDatabase_whenInspect_thenNoBuiltInPgRoleIsListed() {
        assertThat(baseline.roles()).extracting(RoleAttributes::name).containsExactly("api_worker", "owner");
    }

    @Test
    void givenSeededDatabase_whenInspect_thenTheAlembicVersionIsTheMigrationVersion() {
        assertThat(baseline.migrationVersion()).isEqualTo("20251214000000");
    }

    @Test
    void givenPostgres15Image_whenInspect_thenTheServerIsMajorVersion15() {
        assertThat(baseline.majorVersion()).isEqualTo(15);
        assertThat(baseline.serverVersion()).startsWith("15.");
    }

    @Test
    void givenSeededDatabase_whenInspect_thenTheDatabaseAndItsSizeAreReported() {
        assertThat(baseline.database()).isEqualTo("makapix");
        assertThat(baseline.databaseSizeBytes()).isGreaterThan(1_000_000);
    }

    @Test
    void givenIdentifiersThatNeedQuoting_whenInspect_thenEachTableIsCountedExactly() {
        stack.psql("CREATE DATABASE quirks");
        stack.exec("db", "psql", "-X", "-v", "ON_ERROR_STOP=1", "-U", "owner", "-d", "quirks", "-c", """
                CREATE SCHEMA "Odd Schema";
                CREATE TABLE "Odd Schema"."we""ird Table" (id int);
                INSERT INTO "Odd Schema"."we""ird Table" SELECT generate_series(1, 3);
                CREATE TABLE public."select" (id int);
                """);

        Baseline quirks = inspector.inspect(endpoint("quirks", password()));

        assertThat(quirks.tables()).containsExactly(
                new TableRows("Odd Schema", "we\"ird Table", 3),
                new TableRows("public", "select", 0));
    }

    @Test
    void givenDatabaseWithoutAlembicVersionTable_whenInspect_thenTheMigrationVersionIsNull() {
        stack.psql("CREATE DATABASE plain");

        assertThat(inspector.inspect(endpoint("plain", password())).migrationVersion()).isNull();
    }

    @Test
    void givenWrongPassword_whenInspect_thenTheFailureNamesTheEndpointButNeverThePassword() {
        String wrongPassword = "not-" + password();

        DatabaseInspectionFailed failure = catchThrowableOfType(DatabaseInspectionFailed.class,
                () -> inspector.inspect(endpoint(SampleStack.DATABASE, wrongPassword)));

        assertThat(failure).hasMessageStartingWith("could not inspect database owner@" + stack.containerIp("db") + ":5432/makapix: ");
        assertThat(failure.sqlState()).isEqualTo("28P01");
        assertThat(stackTraceOf(failure)).doesNotContain(wrongPassword).doesNotContain(password());
    }

    @Test
    void givenNothingListeningOnThePort_whenInspect_thenTheFailureSaysTheConnectionFailed() {
        DatabaseEndpoint closedPort = new DatabaseEndpoint(stack.containerIp("db"), 5999, "makapix", "owner", password());

        DatabaseInspectionFailed failure = catchThrowableOfType(DatabaseInspectionFailed.class, () -> inspector.inspect(closedPort));

        assertThat(failure.sqlState()).isEqualTo("08001");
        assertThat(stackTraceOf(failure)).doesNotContain(password());
    }

    @Test
    void givenTableLockedByAnotherSession_whenInspectWaits_thenTheServerShowsItAsUpshift() throws Exception {
        stack.psql("CREATE DATABASE observed");
        stack.exec("db", "psql", "-X", "-U", "owner", "-d", "observed", "-c", "CREATE TABLE held (id int)");
        CompletableFuture<String> lockHolder = holdLock("observed", "held");
        CompletableFuture<Baseline> inspection = CompletableFuture.supplyAsync(
                () -> inspector.inspect(endpoint("observed", password())));

        String waiting = awaitRows("SELECT application_name || ' ' || query FROM pg_stat_activity "
                + "WHERE datname = 'observed' AND wait_event_type = 'Lock'");

        assertThat(waiting).isEqualTo("upshift SELECT count(*) FROM \"public\".\"held\"");
        releaseLock(lockHolder);
        assertThat(inspection.get(30, TimeUnit.SECONDS).tables()).containsExactly(new TableRows("public", "held", 0));
    }

    @Test
    void givenRowsCommittedWhileInspectionRuns_whenInspect_thenAllCountsComeFromTheSnapshotAtItsStart() throws Exception {
        stack.psql("CREATE DATABASE snapshot");
        stack.exec("db", "psql", "-X", "-U", "owner", "-d", "snapshot", "-c", "CREATE TABLE a_held (id int); CREATE TABLE b_later (id int)");
        CompletableFuture<String> lockHolder = holdLock("snapshot", "a_held");
        CompletableFuture<Baseline> inspection = CompletableFuture.supplyAsync(
                () -> inspector.inspect(endpoint("snapshot", password())));
        awaitRows("SELECT 1 FROM pg_stat_activity WHERE datname = 'snapshot' AND application_name = 'upshift' "
                + "AND wait_event_type = 'Lock'");

        stack.exec("db", "psql", "-X", "-U", "owner", "-d", "snapshot", "-c", "INSERT INTO b_later VALUES (1)");
        releaseLock(lockHolder);

        assertThat(inspection.get(30, TimeUnit.SECONDS).rowsOf("b_later")).isZero();
    }

    /** A psql session that takes an ACCESS EXCLUSIVE lock and keeps it until {@link #releaseLock} ends it. */
    private static CompletableFuture<String> holdLock(String database, String table) throws InterruptedException {
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> stack.exec("db", "psql", "-X", "-U", "owner",
                "-d", "dbname=" + database + " application_name=lock-holder",
                "-c", "BEGIN; LOCK TABLE " + table + "; SELECT pg_sleep(60);"));
        awaitRows("SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = '" + database
                + "' AND l.mode = 'AccessExclusiveLock' AND l.granted");
        return holder;
    }

    private static void releaseLock(CompletableFuture<String> holder) {
        stack.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lock-holder'");
        assertThat(holder).failsWithin(30, TimeUnit.SECONDS);
    }

    /** Polls for up to 10 s until the query returns a row; returns what it printed. */
    private static String awaitRows(String sql) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String rows = stack.psql(sql);
            if (!rows.isEmpty()) {
                return rows;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no row within 10 s for: " + sql);
    }

    private static RoleAttributes role(String name) {
        return baseline.roles().stream().filter(role -> role.name().equals(name)).findFirst().orElseThrow();
    }

    private static DatabaseEndpoint endpoint(String database, String password) {
        return new DatabaseEndpoint(stack.containerIp("db"), 5432, database, SampleStack.SUPERUSER, password);
    }

    /** Read from the stack's own db.env, so the test holds no credential of its own. */
    private static String password() {
        return stack.envValue("db.env", "POSTGRES_PASSWORD");
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
