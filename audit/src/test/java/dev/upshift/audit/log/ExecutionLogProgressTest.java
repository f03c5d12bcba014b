package dev.upshift.audit.log;

import static dev.upshift.audit.InMemoryReadModels.feed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.InMemoryReadModels;
import dev.upshift.audit.SampleHistory;
import dev.upshift.audit.status.UpgradeStatusProjection;
import dev.upshift.orchestrator.api.events.TransferProgressed;
import dev.upshift.orchestrator.api.queries.FindExecutionLog;
import dev.upshift.orchestrator.api.queries.FindUpgrade;
import dev.upshift.orchestrator.api.queries.LogEntry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While a long step runs, `log` and `status` (in another terminal) say how far it is; its outcome replaces that. */
class ExecutionLogProgressTest {

    private final InMemoryReadModels store = new InMemoryReadModels();
    private final ExecutionLogProjection log = new ExecutionLogProjection(store.jdbc());
    private final UpgradeStatusProjection status = new UpgradeStatusProjection(store.jdbc(), new ObjectMapper());
    private final List<TrackedEventMessage<?>> completed = SampleHistory.completed().tracked(1);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenTheRestoreReportingHowFarItIsWhenTheLogAndStatusAreReadThenTheRunningStepSaysSo() {
        List<TrackedEventMessage<?>> untilProgress = completed.subList(0, indexOfProgress() + 1);
        feed(log, untilProgress);
        feed(status, untilProgress);

        assertThat(entry("3.5")).extracting(LogEntry::status, LogEntry::notes)
                .containsExactly(LogEntry.RUNNING, "restoring: 249 of 498 entries (50 %)");
        assertThat(status.handle(new FindUpgrade(SampleHistory.ID)).currentStep())
                .isEqualTo("3.5 Start the new server and restore the final dump — restoring: 249 of 498 entries (50 %)");
    }

    @Test
    void givenTheRestoreThatEndedWhenTheLogAndStatusAreReadThenItsNoteIsItsOutcomes() {
        feed(log, completed.subList(0, indexOfProgress() + 2));
        feed(status, completed.subList(0, indexOfProgress() + 2));

        assertThat(entry("3.5")).extracting(LogEntry::status, LogEntry::notes)
                .containsExactly(LogEntry.DONE, "Data restored from makapix-pg17_final.dump");
        assertThat(status.handle(new FindUpgrade(SampleHistory.ID)).currentStep()).isNull();
    }

    @Test
    void givenALateReportOfAStepThatEndedWhenProjectedThenTheDoneStepKeepsItsNote() {
        TrackedEventMessage<?> progress = completed.get(indexOfProgress());
        feed(log, completed);
        feed(log, List.of(progress));

        assertThat(entry("3.5").notes()).isEqualTo("Data restored from makapix-pg17_final.dump");
    }

    private int indexOfProgress() {
        for (int i = 0; i < completed.size(); i++) {
            if (completed.get(i).getPayload() instanceof TransferProgressed) {
                return i;
            }
        }
        throw new AssertionError("the sample history has no TransferProgressed");
    }

    private LogEntry entry(String step) {
        return log.handle(new FindExecutionLog(SampleHistory.ID)).stream().filter(entry -> entry.step().equals(step))
                .findFirst().orElseThrow();
    }
}
