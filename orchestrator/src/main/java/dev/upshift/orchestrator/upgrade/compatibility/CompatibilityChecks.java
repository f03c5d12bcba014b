package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;

/** Every check of 0.5, in the order the log lists them. */
public final class CompatibilityChecks {

    private static final List<CompatibilityCheck> ALL = List.of(
            new NoPreparedTransactions(),
            new NoRegTypeColumns(),
            new NoAclitemColumnsAcross16(),
            new PreloadLibrariesInTheTarget(),
            new ExtensionVersionsKnownToTheTarget(),
            new LocaleInTheTarget(),
            new CollationVersionsMatch(),
            new SameCLibraryOrReindex(),
            new ChecksumsAsTheTargetInitialises(),
            new ReplicationSlotsAreNotCarried(),
            new Md5PasswordsFrom18(),
            new WalLevelLogical(),
            new ReplicationHeadroom(),
            new TablesHaveAReplicaIdentity(),
            new NoLargeObjects(),
            new NoUnloggedTables(),
            new SequencesCopiedAtTheSwitch(),
            new NoSchemaChangesDuringCatchUp());

    private CompatibilityChecks() {
    }

    /** The checks this method runs. */
    public static List<CompatibilityCheck> forMethod(UpgradeMethod method) {
        return ALL.stream().filter(check -> check.appliesTo(method)).toList();
    }

    public static List<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        return forMethod(plan.method()).stream().map(check -> check.judge(seen, plan)).flatMap(Optional::stream).toList();
    }
}
