package dev.upshift.shell.commands;

import java.util.List;

import dev.upshift.audit.integrity.ChainVerdict;
import dev.upshift.audit.integrity.ChainVerifier;
import dev.upshift.shell.render.ChainVerdicts;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** Whether the store's history is as it was recorded: every upgrade's digest chain, recomputed. */
@Command(group = "Audit")
public class VerifyCommands {

    private final ChainVerifier verifier;
    private final Upgrades upgrades;

    public VerifyCommands(ChainVerifier verifier, Upgrades upgrades) {
        this.verifier = verifier;
        this.upgrades = upgrades;
    }

    @Command(command = "verify", description = "Recompute each upgrade's digest chain: exit 0 if the history is intact, "
            + "1 naming the first event changed, removed, inserted or moved.")
    public String verify(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.ZERO_OR_ONE, description = "only this upgrade (default: all)")
            String upgradeId) {
        List<ChainVerdict> verdicts;
        if (upgradeId == null) {
            verdicts = verifier.verifyAll();
        } else {
            verdicts = verifier.verify(upgradeId);
            if (verdicts.isEmpty()) {
                upgrades.requireExisting(upgradeId);
            }
        }
        String lines = ChainVerdicts.lines(verdicts);
        if (verdicts.stream().anyMatch(verdict -> verdict.status() == ChainVerdict.Status.TAMPERED)) {
            throw new CommandOutcome(CommandOutcome.STEP_FAILED, lines);
        }
        return lines;
    }
}
