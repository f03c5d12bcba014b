package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * pg-upgrade: the new cluster is initialised with the old one's locale, so the target image must have it; otherwise
 * initdb fails at 3.5, in the downtime. The C and POSIX locales are always there; an image that cannot list its locales
 * ({@code locale -a}) is not judged.
 */
final class LocaleInTheTarget extends CompatibilityCheck {

    LocaleInTheTarget() {
        super("locale", UpgradeMethod.PG_UPGRADE);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        ClusterSettings database = seen.database().database();
        if (!"libc".equals(database.localeProvider()) || seen.target().locales().isEmpty()) {
            return Optional.empty();
        }
        List<String> available = seen.target().locales().stream().map(LocaleInTheTarget::normalised).toList();
        return blocksIfAny(Stream.of(database.collate(), database.ctype()).distinct()
                        .filter(locale -> !builtIn(locale) && !available.contains(normalised(locale))).toList(),
                "the target image lacks the locale the new cluster must repeat",
                "use a target image that has it (localedef), or plan with --method dump-restore");
    }

    private static boolean builtIn(String locale) {
        return "C".equals(locale) || "POSIX".equals(locale);
    }

    /** glibc spells one locale several ways: en_US.UTF-8 and en_US.utf8 are the same. */
    private static String normalised(String locale) {
        return locale.toLowerCase(Locale.ROOT).replace("utf-8", "utf8");
    }
}
