package dev.upshift.orchestrator.upgrade.compatibility;

import static dev.upshift.orchestrator.api.UpgradeMethod.DUMP_RESTORE;
import static dev.upshift.orchestrator.api.UpgradeMethod.PG_UPGRADE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.upshift.orchestrator.api.Baseline.ExtensionVersion;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ColumnUse;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;
import org.junit.jupiter.api.Test;

/** Each check of 0.5 judged on what the step observed: its verdict per method, and the line the operator reads. */
class CompatibilityChecksTest {

    private static final String PREPARED = "'invoice-7' in makapix (owner api_worker, prepared 2025-12-15 19:54:02 UTC)";

    @Test
    void givenTheSampleServerAndTheSeventeenImageWhenJudgedForDumpRestoreThenNothingIsFound() {
        assertThat(CompatibilityChecks.judge(OldServer.sample().seen(), DUMP_RESTORE)).isEmpty();
    }

    @Test
    void givenAPreparedTransactionWhenJudgedForDumpRestoreThenItBlocksBecauseTheDumpWouldLoseIt() {
        CompatibilityFinding finding = only(OldServer.sample().preparedTransaction(PREPARED), DUMP_RESTORE);

        assertThat(finding.line()).isEqualTo("prepared transactions: 1 prepared transaction waits in the old server "
                + "(a dump leaves them out, so what they wrote would be lost): " + PREPARED + " — end each with COMMIT "
                + "PREPARED 'gid' or ROLLBACK PREPARED 'gid' in its database, then run preflight again");
        assertThat(finding.verdict()).isEqualTo(Verdict.BLOCKS);
    }

    @Test
    void givenAPreparedTransactionWhenJudgedForPgUpgradeThenItBlocksBecausePgUpgradeRefusesIt() {
        CompatibilityFinding finding = only(OldServer.sample().preparedTransaction(PREPARED), PG_UPGRADE,
                "prepared transactions");

        assertThat(finding.detail()).contains("pg_upgrade refuses a cluster that has any");
        assertThat(finding.blocks()).isTrue();
    }

    @Test
    void givenARegprocColumnWhenJudgedThenItBlocksPgUpgradeOnlyAndNamesTheColumn() {
        OldServer server = OldServer.sample().regColumn("public.hooks", "handler", "regproc");

        CompatibilityFinding finding = only(server, PG_UPGRADE, "reg* columns");

        assertThat(finding.detail()).isEqualTo("pg_upgrade refuses user columns of reg* types, whose OIDs the new "
                + "catalog does not keep: public.hooks.handler (regproc)");
        assertThat(finding.blocks()).isTrue();
        assertThat(CompatibilityChecks.judge(server.seen(), DUMP_RESTORE)).isEmpty();
    }

    @Test
    void givenAnAclitemColumnWhenPgUpgradeCrossesSixteenThenItBlocks() {
        OldServer server = OldServer.sample();
        server.aclitemColumns.add(new ColumnUse("public.grants", "acl", "aclitem[]"));

        assertThat(only(server, PG_UPGRADE, "aclitem columns").detail()).endsWith("public.grants.acl (aclitem[])");
        server.versionNumber = 160_004;
        assertThat(findings(server, PG_UPGRADE)).extracting(CompatibilityFinding::check).doesNotContain("aclitem columns");
    }

    @Test
    void givenAPreloadedLibraryTheTargetLacksWhenJudgedForEitherMethodThenItBlocks() {
        OldServer server = OldServer.sample();
        server.preload.addAll(List.of("pg_stat_statements", "old_snapshot"));

        for (UpgradeMethod method : List.of(DUMP_RESTORE, PG_UPGRADE)) {
            CompatibilityFinding finding = only(server, method, "shared_preload_libraries");
            assertThat(finding.detail()).isEqualTo("the old server preloads libraries the target image lacks: old_snapshot");
            assertThat(finding.blocks()).isTrue();
        }
    }

    @Test
    void givenAnExtensionVersionTheTargetsScriptsDoNotKnowWhenJudgedForPgUpgradeThenItBlocks() {
        OldServer server = OldServer.sample();
        server.extensions.set(0, new ExtensionVersion("pg_trgm", "1.7"));

        assertThat(only(server, PG_UPGRADE, "extension versions").detail()).endsWith(": pg_trgm 1.7");
    }

    @Test
    void givenALocaleTheTargetLacksWhenJudgedForPgUpgradeThenItBlocks() {
        OldServer server = OldServer.sample();
        server.database = new ClusterSettings("UTF8", "de_DE.UTF-8", "de_DE.UTF-8", "libc", false);

        assertThat(only(server, PG_UPGRADE, "locale").detail()).isEqualTo("the target image lacks the locale the new cluster must repeat: de_DE.UTF-8");
    }

    @Test
    void givenTheCLibraryChangesWhenJudgedForPgUpgradeThenItWarnsNamingTheIndexesToRebuild() {
        CompatibilityFinding finding = only(OldServer.sample(), PG_UPGRADE, "C library");

        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
        assertThat(finding.detail()).isEqualTo("the C library changes from glibc 2.36 to glibc 2.41: 1 index on "
                + "collatable columns must be rebuilt: public.users_username_key");
        assertThat(finding.remedy()).startsWith("nothing: 3.9 rebuilds them in the downtime, before the dependents start");
    }

    @Test
    void givenARecordedCollationVersionThatDiffersWhenJudgedThenItWarnsForBothMethods() {
        OldServer server = OldServer.sample().to("17.7", "2.36");
        server.collationMismatches.add("database makapix recorded 2.31, now 2.36");

        for (UpgradeMethod method : List.of(DUMP_RESTORE, PG_UPGRADE)) {
            CompatibilityFinding finding = only(server, method, "collation versions");
            assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
            assertThat(finding.detail()).endsWith("database makapix recorded 2.31, now 2.36");
        }
    }

    @Test
    void givenChecksumsOffWhenDumpRestoreGoesToEighteenThenItWarnsTheNewClusterHasThemOn() {
        CompatibilityFinding finding = only(OldServer.sample().to("18.6", "2.43"), DUMP_RESTORE, "data checksums");

        assertThat(finding.detail()).isEqualTo("the new cluster is initialised with data checksums on (PostgreSQL 18's "
                + "default); the old one has them off");
        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
    }

    @Test
    void givenChecksumsOffWhenPgUpgradeGoesToEighteenThenItWarnsTheyStayOff() {
        assertThat(only(OldServer.sample().to("18.6", "2.43"), PG_UPGRADE, "data checksums").detail())
                .startsWith("the new cluster keeps data checksums off");
    }

    @Test
    void givenReplicationSlotsWhenJudgedThenItWarnsSayingWhichMethodLosesThem() {
        OldServer server = OldServer.sample().replicationSlot("standby_1", "physical").replicationSlot("cdc", "logical");

        assertThat(only(server, DUMP_RESTORE, "replication slots").detail()).isEqualTo(
                "a dump carries no replication slot; lost: standby_1 (physical), cdc (logical, makapix)");
        assertThat(only(server, PG_UPGRADE, "replication slots").detail()).startsWith(
                "pg_upgrade carries no slot from a cluster before 17; lost: standby_1 (physical), cdc (logical, makapix)");
        server.versionNumber = 170_007;
        assertThat(only(server, PG_UPGRADE, "replication slots").detail()).isEqualTo("pg_upgrade carries logical slots "
                + "whose consumers have caught up, never physical ones; lost: standby_1 (physical); carried if caught up: "
                + "cdc (logical, makapix)");
    }

    @Test
    void givenAnMd5RoleWhenTheTargetIsEighteenThenItWarnsNamingTheRolesAndTheRules() {
        OldServer server = OldServer.sample().to("18.6", "2.43");
        server.md5Roles.add("legacy_app");
        server.md5HbaRules.add("line 99 (host all all)");

        CompatibilityFinding finding = only(server, DUMP_RESTORE, "md5 passwords");

        assertThat(finding.detail()).isEqualTo("MD5 password hashes are deprecated from PostgreSQL 18 and come over as "
                + "they are, for roles legacy_app; pg_hba.conf asks for md5 at line 99 (host all all)");
        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
        assertThat(findings(server.to("17.7", "2.36"), DUMP_RESTORE)).isEmpty();
    }

    private static CompatibilityFinding only(OldServer server, UpgradeMethod method) {
        List<CompatibilityFinding> findings = findings(server, method);
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    /** The finding of the named check, among those the method's checks make. */
    private static CompatibilityFinding only(OldServer server, UpgradeMethod method, String check) {
        List<CompatibilityFinding> findings = findings(server, method).stream()
                .filter(finding -> finding.check().equals(check)).toList();
        assertThat(findings).as(check).hasSize(1);
        return findings.get(0);
    }

    private static List<CompatibilityFinding> findings(OldServer server, UpgradeMethod method) {
        return CompatibilityChecks.judge(server.seen(), method);
    }
}
