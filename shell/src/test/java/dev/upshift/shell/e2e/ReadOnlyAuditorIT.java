package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.upshift.orchestrator.testbed.PostgresServer;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An auditor's role on a real PostgreSQL store, granted exactly what the operator guide's "Read-only auditors" says
 * (its SQL is run as written): every reading command answers, every writing one is refused and appends nothing.
 */
class ReadOnlyAuditorIT {

    private static final String UPGRADE = "audited";
    private static final String REFUSAL = "upshift: the store's role upshift_auditor may only read; this command "
            + "writes: run it as a role with write access";
    private static final Pattern DOCUMENTED_SQL = Pattern.compile("## Read-only auditors\n.*?```sql\n(.*?)```",
            Pattern.DOTALL);

    /** As Upshift makes UPSHIFT_HOME, so that it has nothing to tighten and says nothing. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    @TempDir
    static Path home;

    private static PostgresServer server;
    private static SampleStack stack;
    private static Upshift owner;
    private static Upshift auditor;

    @BeforeAll
    static void planAnUpgradeAsTheOwnerThenGrantTheAuditorWhatTheGuideSays() throws Exception {
        server = PostgresServer.start();
        stack = SampleStack.start();
        execute(server.url(), server.password(), "CREATE DATABASE upshift");
        String store = server.url().replace("/postgres", "/upshift");
        owner = new Upshift(home.resolve("owner"), store + "?user=" + server.user())
                .withEnvironment(Upshift.STORE_PASSWORD, server.password());
        Files.createDirectories(owner.home(), OWNER_ONLY);
        Upshift.Result plan = owner.run("plan", "--compose", stack.composeFile().toString(), "--to",
                "upshift-testbed/postgres:17", "--id", UPGRADE);
        Upshift.Result preflight = owner.run("preflight", UPGRADE);
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(preflight.exitCode()).as(preflight.toString()).isZero();

        String auditorPassword = "audit-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        execute(store, server.password(), documentedGrants().replace("'CHANGE-ME'", "'" + auditorPassword + "'"));
        auditor = new Upshift(home.resolve("auditor"), store + "?user=upshift_auditor")
                .withEnvironment(Upshift.STORE_PASSWORD, auditorPassword);
        Files.createDirectories(auditor.home(), OWNER_ONLY);
    }

    @AfterAll
    static void removeTheStackAndTheServer() {
        if (stack != null) {
            stack.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenTheDocumentedGrantsWhenTheAuditorRunsEachReadingCommandThenEachAnswers() {
        String report = auditor.home().resolve("report.md").toString();
        SoftAssertions softly = new SoftAssertions();
        Map<List<String>, String> answers = new LinkedHashMap<>();
        answers.put(List.of("list"), "| " + UPGRADE + " | PREFLIGHT_PASSED");
        answers.put(List.of("status", UPGRADE), "PREFLIGHT_PASSED");
        answers.put(List.of("log", UPGRADE), "Phase 0.5 Check compatibility with the target");
        answers.put(List.of("events", UPGRADE), "UpgradePlanned");
        answers.put(List.of("audit", "--id", UPGRADE), "CompatibilityChecked");
        answers.put(List.of("replay", UPGRADE), "PREFLIGHT_PASSED");
        answers.put(List.of("report", UPGRADE, "--out", report), report);
        answers.put(List.of("verify"), UPGRADE + ": intact");
        answers.forEach((command, answer) -> {
            Upshift.Result result = auditor.run(command.toArray(String[]::new));
            softly.assertThat(result.exitCode()).as(command + "\n" + result).isZero();
            softly.assertThat(result.stdout()).as(command + "\n" + result).contains(answer);
            softly.assertThat(result.stderr()).as(command + "\n" + result).isEmpty();
        });
        softly.assertAll();
        assertThat(Path.of(report)).content().contains("> **History:** " + UPGRADE + ": intact");
    }

    @Test
    void givenTheDocumentedGrantsWhenTheAuditorRunsEachWritingCommandThenEachIsRefusedWithOneLineAndAppendsNothing() {
        long events = owner.storedEvents();
        String before = owner.storeText();
        SoftAssertions softly = new SoftAssertions();
        for (List<String> command : List.of(
                List.of("plan", "--compose", stack.composeFile().toString(), "--to", "upshift-testbed/postgres:17",
                        "--id", "by-auditor"),
                List.of("preflight", UPGRADE), List.of("run", UPGRADE), List.of("approve", UPGRADE),
                List.of("advance", UPGRADE), List.of("resume", UPGRADE), List.of("rollback", UPGRADE),
                List.of("rebuild"), List.of("--port", "0", "serve"))) {
            Upshift.Result result = auditor.run(command.toArray(String[]::new));
            softly.assertThat(result.exitCode()).as(command + "\n" + result).isEqualTo(2);
            softly.assertThat(result.stderr().strip()).as(command + "\n" + result).isEqualTo(REFUSAL);
            softly.assertThat(result.stdout()).as(command + "\n" + result).isEmpty();
        }
        softly.assertAll();
        assertThat(owner.storedEvents()).isEqualTo(events);
        assertThat(owner.storeText()).isEqualTo(before);
    }

    private static String documentedGrants() throws Exception {
        Matcher sql = DOCUMENTED_SQL.matcher(Files.readString(
                SampleStack.repositoryRoot().resolve("docs/operator-guide.md")));
        assertThat(sql.find()).as("the operator guide's SQL for a read-only auditor").isTrue();
        return sql.group(1);
    }

    private static void execute(String url, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.user(), password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
