package dev.upshift.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.FindAuditTrail;
import dev.upshift.orchestrator.ports.InvalidInput;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

class HistoryCommandsTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final Upgrades upgrades = mock(Upgrades.class);
    private final HistoryCommands commands = new HistoryCommands(queries, upgrades, new ObjectMapper().findAndRegisterModules());

    @Test
    void givenATimeThatIsNoInstantWhenAuditingThenItIsBadInputNamingTheOption() {
        assertThatThrownBy(() -> commands.audit(null, "yesterday", null, null, null, false))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("--since takes an ISO-8601 instant such as 2026-11-28T23:10:00Z, not 'yesterday'");
    }

    @Test
    void givenAnUnknownEventTypeWhenAuditingThenItIsBadInputListingTheTypes() {
        assertThatThrownBy(() -> commands.audit(null, null, null, "ServiceStoped", null, false))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("there is no event type 'ServiceStoped'; the types are ")
                .hasMessageContaining("ServiceStopped");
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenFiltersWhenAuditingThenTheyReachTheQueryAndTheAnswerIsPrintedAsJson() throws Exception {
        AuditEntry stopped = new AuditEntry(7, Instant.parse("2026-11-28T23:10:00Z"), "to17", 3, "ServiceStopped",
                "alice", "ops-1", "Stopped web (makapix-web-1)");
        when(queries.query(any(FindAuditTrail.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(stopped)));

        String json = commands.audit("to17", "2026-11-28T23:00:00Z", null, "ServiceStopped", "alice", true);

        verify(queries).query(eq(new FindAuditTrail("to17", Instant.parse("2026-11-28T23:00:00Z"), null,
                "ServiceStopped", "alice")), any(ResponseType.class));
        verify(upgrades).requireExisting("to17");
        assertThat(json).contains("\"time\" : \"2026-11-28T23:10:00Z\"", "\"type\" : \"ServiceStopped\"");
    }
}
