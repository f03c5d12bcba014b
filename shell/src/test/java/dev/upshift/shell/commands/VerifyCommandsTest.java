package dev.upshift.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import dev.upshift.audit.integrity.ChainVerdict;
import dev.upshift.audit.integrity.ChainVerifier;
import dev.upshift.orchestrator.ports.InvalidInput;
import org.junit.jupiter.api.Test;

class VerifyCommandsTest {

    private static final String HEAD = "3f".repeat(32);
    private static final ChainVerdict INTACT = new ChainVerdict("kept", ChainVerdict.Status.INTACT, 12, 0, HEAD, null);
    private static final ChainVerdict OLD = new ChainVerdict("old", ChainVerdict.Status.UNCHAINED, 7, 7, null, null);

    private final ChainVerifier verifier = mock(ChainVerifier.class);
    private final Upgrades upgrades = mock(Upgrades.class);
    private final VerifyCommands commands = new VerifyCommands(verifier, upgrades);

    @Test
    void givenAnIntactAndAnUnchainedUpgradeWhenVerifiedThenEachHasItsLineAndTheHistoryIsIntact() {
        when(verifier.verifyAll()).thenReturn(List.of(INTACT, OLD));

        assertThat(commands.verify(null)).isEqualTo("kept: intact, 12 events, head digest " + HEAD + "\n"
                + "old: unchained, 7 events recorded before digests existed (cannot be verified)\n"
                + "The history is intact.");
    }

    @Test
    void givenATamperedUpgradeWhenVerifiedThenItEndsWithExitOneNamingTheEvent() {
        when(verifier.verifyAll()).thenReturn(List.of(INTACT, new ChainVerdict("edited", ChainVerdict.Status.TAMPERED,
                12, 0, null, "event 1 (BaselineCaptured) was changed or moved: its stored form does not match its digest")));

        assertThatThrownBy(() -> commands.verify(null)).isInstanceOfSatisfying(CommandOutcome.class, outcome -> {
            assertThat(outcome.getExitCode()).isEqualTo(CommandOutcome.STEP_FAILED);
            assertThat(outcome.getMessage()).contains("edited: TAMPERED, event 1 (BaselineCaptured) was changed or moved")
                    .endsWith("The history was altered in 1 of 2 upgrades.");
        });
    }

    @Test
    void givenAnIdTheStoreDoesNotHoldWhenVerifiedThenItIsBadInput() {
        when(verifier.verify("nosuch")).thenReturn(List.of());
        doThrow(new InvalidInput("there is no upgrade 'nosuch'")).when(upgrades).requireExisting("nosuch");

        assertThatThrownBy(() -> commands.verify("nosuch")).isInstanceOf(InvalidInput.class);
    }
}
