package dev.upshift.orchestrator.upgrade.compatibility;

import static dev.upshift.orchestrator.api.UpgradeMethod.DUMP_RESTORE;
import static dev.upshift.orchestrator.api.UpgradeMethod.LOGICAL;
import static dev.upshift.orchestrator.api.UpgradeMethod.PG_UPGRADE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Baseline.ExtensionVersion;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ColumnUse;
import dev.upshift.orchestrator.api.UpgradeMethod;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.CompatibilityIssueFound.Verdict;
import org.junit.jupiter.api.Test;

/** Each check of 0.5 judged on what the step observed: its verdict per method, and the line the operator reads. */
class CompatibilityChecksTest {

    private static final String PREPARED = "'invoice-7' in makapix (owner api_worker, prepared 2025-12-15 19:54:02 UTC)";

    @Test
    void givenTheSampleServerAndTheSeventeenImageWhenJudgedForDumpRestoreThenNothingIsFound() {
        assertThat(findings(OldServer.sample(), DUMP_RESTORE)).isEmpty();
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
        assertThat(findings(server, DUMP_RESTORE)).isEmpty();
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

    @Test
    void givenAPreparedTransactionWhenJudgedForLogicalThenItBlocksBecauseItIsReplicatedOnlyOnceCommitted() {
        CompatibilityFinding finding = only(OldServer.sample().preparedTransaction(PREPARED), LOGICAL,
                "prepared transactions");

        assertThat(finding.detail()).startsWith("1 prepared transaction waits in the old server (what they wrote is "
                + "replicated only once committed, and the subscription's slot cannot be created while one is open)");
        assertThat(finding.blocks()).isTrue();
    }

    @Test
    void givenReplicationSlotsWhenJudgedForLogicalThenItWarnsThatNoneIsCarried() {
        OldServer server = OldServer.sample().replicationSlot("standby_1", "physical").replicationSlot("cdc", "logical");
        server.versionNumber = 170_007;

        CompatibilityFinding finding = only(server, LOGICAL, "replication slots");

        assertThat(finding.detail()).isEqualTo("logical replication carries no replication slot to the new server; "
                + "lost: standby_1 (physical), cdc (logical, makapix)");
        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
    }

    @Test
    void givenTheSampleServerWhenJudgedForLogicalWithTheRestartAllowedThenOnlyNotesBlockNothing() {
        List<CompatibilityFinding> findings = findings(OldServer.sample(), LOGICAL);

        assertThat(findings).extracting(CompatibilityFinding::check)
                .containsExactly("wal_level", "sequences", "schema changes");
        assertThat(findings).noneMatch(CompatibilityFinding::blocks);
        assertThat(CompatibilityChecks.forMethod(LOGICAL)).extracting(CompatibilityCheck::name)
                .contains("prepared transactions", "replication slots").doesNotContain("reg* columns", "locale",
                        "C library", "extension versions", "aclitem columns");
    }

    @Test
    void givenWalLevelReplicaWhenTheRestartIsAllowedThenItWarnsThat23RestartsTheOldServer() {
        CompatibilityFinding finding = only(OldServer.sample(), LOGICAL, "wal_level");

        assertThat(finding.line()).isEqualTo("wal_level: wal_level is replica and logical decoding needs logical — "
                + "nothing: 2.2 restarts the old server once with wal_level=logical, as the plan allows (a few seconds; "
                + "the dependents' connections drop once)");
        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
    }

    @Test
    void givenWalLevelReplicaWhenTheRestartIsNotAllowedThenItBlocks() {
        List<CompatibilityFinding> findings = findings(OldServer.sample(), SamplePlans.makapixByLogicalReplication(false));

        assertThat(findings).filteredOn(CompatibilityFinding::blocks).singleElement().extracting(CompatibilityFinding::line)
                .isEqualTo("wal_level: wal_level is replica and logical decoding needs logical — plan again with "
                        + "--allow-restart, or set wal_level=logical and restart the server yourself");
    }

    @Test
    void givenWalLevelLogicalWhenJudgedThenNothingIsSaidOfIt() {
        OldServer server = OldServer.sample();
        server.walLevel = "logical";

        assertThat(findings(server, SamplePlans.makapixByLogicalReplication(false)))
                .extracting(CompatibilityFinding::check).doesNotContain("wal_level");
    }

    @Test
    void givenOneSpareSlotAndSenderWhenJudgedForLogicalThenItBlocksNamingBothSettingsAndTheTableCopy() {
        OldServer server = OldServer.sample().replicationSlot("standby_1", "physical");
        server.maxReplicationSlots = 2;
        server.maxWalSenders = 3;
        server.walSendersInUse = 2;

        CompatibilityFinding finding = only(server, LOGICAL, "replication headroom");

        assertThat(finding.line()).isEqualTo("replication headroom: max_replication_slots is 2 with 1 in use and "
                + "max_wal_senders is 3 with 2 running; the subscription needs 2 of each spare: one it holds while it "
                + "runs, one for its initial table copy (a temporary slot and a sender per table copied at once) — raise "
                + "max_replication_slots to at least 3 and max_wal_senders to at least 4 and restart the server, or "
                + "drop slots nothing reads (SELECT pg_drop_replication_slot('name'))");
        assertThat(finding.blocks()).isTrue();
    }

    @Test
    void givenTwoSpareSendersButNoSpareSlotWhenJudgedThenOnlyTheSlotsAreNamed() {
        OldServer server = OldServer.sample();
        server.maxReplicationSlots = 0;

        CompatibilityFinding finding = only(server, LOGICAL, "replication headroom");

        assertThat(finding.detail()).startsWith("max_replication_slots is 0 with 0 in use;").doesNotContain("max_wal_senders");
        assertThat(finding.remedy()).startsWith("raise max_replication_slots to at least 2 and restart");
    }

    @Test
    void givenTablesWithoutAPrimaryKeyOrReplicaIdentityWhenJudgedForLogicalThenItBlocksNamingThem() {
        OldServer server = OldServer.sample();
        server.tablesWithoutIdentity.addAll(List.of("public.audit_log", "reports.\"Daily\""));

        CompatibilityFinding finding = only(server, LOGICAL, "replica identity");

        assertThat(finding.line()).isEqualTo("replica identity: once published, UPDATE and DELETE fail on the old "
                + "server for tables with neither a primary key nor a replica identity: public.audit_log, "
                + "reports.\"Daily\" — add a primary key to each (ALTER TABLE … ADD PRIMARY KEY (…)), or ALTER TABLE … "
                + "REPLICA IDENTITY FULL (each update and delete then sends and matches the whole row: slower)");
        assertThat(finding.blocks()).isTrue();
        assertThat(findings(server, DUMP_RESTORE)).isEmpty();
    }

    @Test
    void givenLargeObjectsWhenJudgedForLogicalThenItBlocksCountingThemAndNamingTheMethodsThatCarryThem() {
        OldServer server = OldServer.sample();
        server.largeObjects = 3;

        CompatibilityFinding finding = only(server, LOGICAL, "large objects");

        assertThat(finding.detail()).isEqualTo("3 large objects are in the database, and logical replication does not carry them");
        assertThat(finding.remedy()).startsWith("plan with --method dump-restore or --method pg-upgrade, which carry them");
        assertThat(finding.blocks()).isTrue();
        assertThat(findings(server, PG_UPGRADE)).extracting(CompatibilityFinding::check).doesNotContain("large objects");
    }

    @Test
    void givenAnUnloggedTableWhenJudgedForLogicalThenItBlocksNamingItAndSetLogged() {
        OldServer server = OldServer.sample();
        server.unloggedTables.add("public.sessions");

        CompatibilityFinding finding = only(server, LOGICAL, "unlogged tables");

        assertThat(finding.line()).isEqualTo("unlogged tables: logical replication leaves unlogged tables out, so their "
                + "rows would not reach the new server: public.sessions — ALTER TABLE … SET LOGGED each (it rewrites "
                + "the table), or plan with --method dump-restore or pg-upgrade");
        assertThat(finding.blocks()).isTrue();
    }

    @Test
    void givenSequencesWhenJudgedForLogicalThenTheyAreCountedAsCopiedAtTheSwitch() {
        CompatibilityFinding finding = only(OldServer.sample(), LOGICAL, "sequences");

        assertThat(finding.line()).isEqualTo("sequences: 36 sequences, whose values logical replication does not "
                + "carry — nothing: they are copied at the switch (3.2)");
        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
        OldServer none = OldServer.sample();
        none.sequences = 0;
        assertThat(findings(none, LOGICAL)).extracting(CompatibilityFinding::check).doesNotContain("sequences");
    }

    @Test
    void givenAnyServerWhenJudgedForLogicalThenItWarnsThatSchemaChangesMustWait() {
        CompatibilityFinding finding = only(OldServer.sample(), LOGICAL, "schema changes");

        assertThat(finding.remedy()).isEqualTo("make none until the upgrade is done: 3.2 compares the tables of both "
                + "servers and rolls back if one changed");
        assertThat(finding.verdict()).isEqualTo(Verdict.WARNS);
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
        return findings(server, switch (method) {
            case DUMP_RESTORE -> SamplePlans.makapix();
            case PG_UPGRADE -> SamplePlans.makapixByPgUpgrade();
            case LOGICAL -> SamplePlans.makapixByLogicalReplication();
        });
    }

    private static List<CompatibilityFinding> findings(OldServer server, UpgradePlan plan) {
        return CompatibilityChecks.judge(server.seen(), plan);
    }
}
