package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.ArrayList;
import java.util.List;

import dev.upshift.orchestrator.api.Baseline.ExtensionVersion;
import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.DatabaseCompatibility;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ColumnUse;
import dev.upshift.orchestrator.api.DatabaseCompatibility.ReplicationSlot;
import dev.upshift.orchestrator.api.LogicalReplicationReadiness;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.TargetImageContents;

/**
 * What 0.5 observes, for the checks' tests: by default the sample stack's PostgreSQL 15 on glibc 2.36 with nothing to
 * find (wal_level replica and 36 sequences, which only the logical method notes), and the test bed's 17 image on
 * glibc 2.41; each test adds the one problem it is about.
 */
public final class OldServer {

    int versionNumber = 150_018;
    ClusterSettings database = new ClusterSettings("UTF8", "en_US.UTF-8", "en_US.UTF-8", "libc", false);
    final List<String> prepared = new ArrayList<>();
    final List<ColumnUse> regColumns = new ArrayList<>();
    final List<ColumnUse> aclitemColumns = new ArrayList<>();
    final List<String> md5Roles = new ArrayList<>();
    final List<String> md5HbaRules = new ArrayList<>();
    final List<ReplicationSlot> slots = new ArrayList<>();
    final List<String> preload = new ArrayList<>();
    final List<ExtensionVersion> extensions = new ArrayList<>(List.of(new ExtensionVersion("pg_trgm", "1.6"),
            new ExtensionVersion("plpgsql", "1.0")));
    String collationVersion = "2.36";
    final List<String> collationMismatches = new ArrayList<>();
    final List<String> collatableIndexes = new ArrayList<>(List.of("public.users_username_key"));
    String walLevel = "replica";
    int maxReplicationSlots = 10;
    int maxWalSenders = 10;
    int walSendersInUse;
    final List<String> tablesWithoutIdentity = new ArrayList<>();
    final List<String> unloggedTables = new ArrayList<>();
    long largeObjects;
    int sequences = 36;

    String targetVersion = "17.7";
    String targetLibc = "2.41";
    final List<String> targetLibraries = new ArrayList<>(List.of("plpgsql", "pg_stat_statements", "pg_trgm"));
    final List<String> targetExtensionFiles = new ArrayList<>(List.of("pg_trgm.control", "pg_trgm--1.3.sql",
            "pg_trgm--1.5--1.6.sql", "plpgsql.control", "plpgsql--1.0.sql"));
    final List<String> targetLocales = new ArrayList<>(List.of("C", "C.utf8", "en_US.utf8", "POSIX"));

    public static OldServer sample() {
        return new OldServer();
    }

    public OldServer preparedTransaction(String description) {
        prepared.add(description);
        return this;
    }

    public OldServer regColumn(String table, String column, String type) {
        regColumns.add(new ColumnUse(table, column, type));
        return this;
    }

    public OldServer replicationSlot(String name, String type) {
        slots.add(new ReplicationSlot(name, type, "logical".equals(type) ? "makapix" : null));
        return this;
    }

    public OldServer to(String version, String libc) {
        targetVersion = version;
        targetLibc = libc;
        return this;
    }

    public DatabaseCompatibility database() {
        return new DatabaseCompatibility(versionNumber, database, prepared, regColumns, aclitemColumns, md5Roles,
                md5HbaRules, slots, preload, extensions, collationVersion, collationMismatches, collatableIndexes,
                new LogicalReplicationReadiness(walLevel, maxReplicationSlots, maxWalSenders, walSendersInUse,
                        tablesWithoutIdentity, unloggedTables, largeObjects, sequences));
    }

    public TargetImageContents target() {
        return new TargetImageContents(targetVersion, targetLibc, targetLibraries, targetExtensionFiles, targetLocales);
    }

    public CompatibilityObserved seenAt(String upgradeId, Step step) {
        return new CompatibilityObserved(upgradeId, step, database(), target());
    }

    CompatibilityObserved seen() {
        return seenAt("makapix-pg17", null);
    }
}
