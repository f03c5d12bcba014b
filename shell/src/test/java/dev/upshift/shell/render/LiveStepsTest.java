package dev.upshift.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.upshift.orchestrator.api.BackupFile;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;
import dev.upshift.orchestrator.api.events.StepFailed;
import dev.upshift.orchestrator.api.events.StepStarted;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

class LiveStepsTest {

    private static final String ID = "to17";
    private static final Step CUSTOM_DUMP = new Step("1.1", StepKind.CUSTOM_DUMP, null);
    private static final Step RESTORE = new Step("3.5", StepKind.START_NEW_DATABASE, null);
    private static final Step INTEGRITY = new Step("3.7", StepKind.VERIFY_INTEGRITY, null);
    private static final Instant AT = Instant.parse("2026-11-30T19:20:01Z");
    private static final BackupCreated DUMPED = new BackupCreated(ID, CUSTOM_DUMP, "custom",
            new BackupFile("/backups/to17_pre_pg17.dump", 2_202_009, "ab12"));

    private final StringWriter written = new StringWriter();
    private final LiveSteps plain = LiveSteps.plain(new PrintWriter(written));

    @Test
    void givenAStepThatStartsAndEndsWhenFollowedThroughAPipeThenItPrintsTwoStampedLinesTheSecondWithItsNote() {
        plain.show(new StepStarted(ID, CUSTOM_DUMP), AT);
        plain.show(DUMPED, AT.plusSeconds(4));
        plain.close();

        assertThat(written.toString()).isEqualTo("""
                19:20:01 start  1.1 Create full database backup (custom format)
                19:20:05 done   1.1 Create full database backup (custom format) (4s): to17_pre_pg17.dump (2.1 MB)
                """);
    }

    @Test
    void givenAFailedStepWhenFollowedThenItsLineSaysFailedWithTheReason() {
        plain.show(new StepStarted(ID, INTEGRITY), AT);
        plain.show(new StepFailed(ID, INTEGRITY, "posts: 1200 rows, 1199 at the fence"), AT.plusSeconds(2));

        assertThat(written.toString()).endsWith(
                "19:20:03 FAILED 3.7 Verify data integrity (2s): posts: 1200 rows, 1199 at the fence\n");
    }

    @Test
    void givenACompatibilityFindingWhenFollowedThenItsLineSaysTheVerdictTheCheckWhatWasFoundAndWhatToDo() {
        Step compatibility = new Step("0.5", StepKind.COMPATIBILITY, null);

        plain.show(new CompatibilityIssueFound(ID, compatibility, "reg* columns", Verdict.BLOCKS,
                "pg_upgrade refuses user columns of reg* types: public.hooks.handler (regproc)",
                "change each to text, or plan with --method dump-restore"), AT);

        assertThat(written.toString()).isEqualTo("19:20:01 BLOCKS 0.5 reg* columns: pg_upgrade refuses user columns of "
                + "reg* types: public.hooks.handler (regproc) — what to do: change each to text, or plan with --method "
                + "dump-restore\n");
    }

    @Test
    void givenAStepThatStartedBeforeTheCommandWhenItEndsThenOnlyItsEndIsPrintedWithTheWholeDuration() {
        plain.recall(new StepStarted(ID, CUSTOM_DUMP), AT);
        plain.show(DUMPED, AT.plusSeconds(65));

        assertThat(written.toString()).isEqualTo("19:21:06 done   1.1 Create full database backup (custom format) "
                + "(1m 5s): to17_pre_pg17.dump (2.1 MB)\n");
    }

    @Test
    void givenAPipeWhenTheStepRunsThenNothingButTheLinesIsPrinted() {
        plain.show(new StepStarted(ID, CUSTOM_DUMP), AT);
        plain.tick(AT.plusSeconds(3));

        assertThat(written.toString()).doesNotContain("\r", "\u001b").hasLineCount(1);
    }

    @Test
    void givenATerminalWhenTheStepRunsThenItsStatusLineIsRedrawnInPlaceAndClearedBeforeTheNextLine() throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = terminal(screen)) {
            LiveSteps live = LiveSteps.onTerminal(terminal);

            live.show(new StepStarted(ID, CUSTOM_DUMP), AT);
            live.tick(AT.plusSeconds(3));
            live.tick(AT.plusMillis(3_400));
            live.tick(AT.plusSeconds(4));
            live.show(DUMPED, AT.plusSeconds(5));
            live.close();
        }

        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("1.1 Create full database backup (custom format)  3s",
                "1.1 Create full database backup (custom format)  4s");
        assertThat(shown.split("custom format\\)  3s", -1)).as("drawn again only when it says something new")
                .hasSize(2);
        assertThat(shown.substring(shown.lastIndexOf("4s"))).as("the status line is erased (CR, clear to end of line) "
                + "before the step's end is printed").startsWith("4s").contains("\r\u001b[K19:20:06 done   1.1");
    }

    @Test
    void givenTheRestoreReportingHowFarItIsWhenFollowedThroughAPipeThenEachReportIsAStampedLineWithRateAndTimeLeft() {
        plain.show(new StepStarted(ID, RESTORE), AT);
        plain.show(new TransferProgressed(ID, RESTORE, "restoring", 1_200, 2_400, "entries"), AT.plusSeconds(30));
        plain.tick(AT.plusSeconds(31));

        assertThat(written.toString()).endsWith("19:20:31 …      3.5 restoring: 1 200 of 2 400 entries (50 %), "
                + "40 entries/s, about 30s left\n");
    }

    @Test
    void givenTheRestoreReportingHowFarItIsWhenFollowedOnATerminalThenItsStatusLineIsABarCountingDownTheTimeLeft()
            throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = terminal(screen)) {
            LiveSteps live = LiveSteps.onTerminal(terminal);

            live.show(new StepStarted(ID, RESTORE), AT);
            live.show(new TransferProgressed(ID, RESTORE, "restoring", 1_200, 2_400, "entries"), AT.plusSeconds(30));
            live.tick(AT.plusSeconds(34));
        }

        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown).as("no progress line: the bar shows it").doesNotContain("…")
                .contains("  3.5 restoring [" + "█".repeat(15) + "░".repeat(15) + "] 1 200/2 400 entries 50 % · "
                        + "40 entries/s · 26s left · 34s");
    }

    @Test
    void givenANarrowTerminalWhenTheStatusLineIsDrawnThenTheBarGivesWayToTheNumbers() {
        String status = StepLines.status(RESTORE, AT, new TransferProgressed(ID, RESTORE, "restoring", 1_200, 2_400,
                "entries"), AT.plusSeconds(30), AT.plusSeconds(30), 60);

        assertThat(status).isEqualTo("  3.5 restoring 1 200/2 400 entries 50 % · 40 entries/s · 30s left · 30s");
    }

    @Test
    void givenTheTerminalTypeJLineGivesAPipeWhenAskedWhetherItRedrawsThenOnlyARealTerminalDoes() throws IOException {
        assertThat(redraws("dumb")).isFalse();
        assertThat(redraws("dumb-color")).isFalse();
        assertThat(redraws("xterm-256color")).isTrue();
    }

    private static Terminal terminal(ByteArrayOutputStream screen) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(new ByteArrayInputStream(new byte[0]), screen).encoding(StandardCharsets.UTF_8).build();
        terminal.setSize(new Size(120, 24));
        return terminal;
    }

    private static boolean redraws(String type) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(false).type(type)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            return LiveSteps.redraws(terminal);
        }
    }
}
