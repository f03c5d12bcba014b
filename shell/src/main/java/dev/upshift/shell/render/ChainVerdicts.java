package dev.upshift.shell.render;

import java.util.List;
import java.util.stream.Collectors;

import dev.upshift.audit.integrity.ChainVerdict;

/** {@code upshift verify}'s answer: a line per upgrade, and one that sums them up. */
public final class ChainVerdicts {

    private ChainVerdicts() {
    }

    public static String lines(List<ChainVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return "No upgrades in the store yet: nothing to verify.";
        }
        String lines = verdicts.stream().map(ChainVerdicts::line).collect(Collectors.joining("\n"));
        long tampered = verdicts.stream().filter(verdict -> verdict.status() == ChainVerdict.Status.TAMPERED).count();
        return lines + "\n" + (tampered == 0 ? "The history is intact."
                : "The history was altered in " + tampered + " of " + verdicts.size() + " upgrades.");
    }

    public static String line(ChainVerdict verdict) {
        return switch (verdict.status()) {
            case INTACT -> verdict.upgradeId() + ": intact, " + verdict.events() + " events, head digest "
                    + verdict.headDigest() + unchained(verdict);
            case UNCHAINED -> verdict.upgradeId() + ": unchained, " + verdict.events()
                    + " events recorded before digests existed (cannot be verified)";
            case TAMPERED -> verdict.upgradeId() + ": TAMPERED, " + verdict.problem();
        };
    }

    private static String unchained(ChainVerdict verdict) {
        return verdict.unchained() == 0 ? "" : " (the first " + verdict.unchained()
                + " recorded before digests existed, unchained)";
    }
}
