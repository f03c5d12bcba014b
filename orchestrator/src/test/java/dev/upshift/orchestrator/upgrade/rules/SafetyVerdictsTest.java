package dev.upshift.orchestrator.upgrade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Baseline;
import org.junit.jupiter.api.Test;

/** The rules that judge what 3.1, 3.7 and the rollback's verification observed, and what the operator reads. */
class SafetyVerdictsTest {

    private static final Baseline BEFORE = SamplePlans.baseline();
    private static final List<Baseline.TableRows> FENCE = BEFORE.tables();

    @Test
    void givenNoWriteSinceTheFenceWhenJudgedThenTheDumpHolds() {
        assertThat(new NothingWrittenBehindTheFence(0).isViolated()).isFalse();
    }

    @Test
    void givenWritesSinceTheFenceWhenJudgedThenTheMessageSaysHowManyAndWhatToDo() {
        NothingWrittenBehindTheFence rule = new NothingWrittenBehindTheFence(2);

        assertThat(rule.isViolated()).isTrue();
        assertThat(rule.message()).isEqualTo("2 rows were written behind the fence during step 3.1: "
                + "a client is connected as a superuser; stop it and run the upgrade again");
    }

    @Test
    void givenTheSameDataWithARisenExtensionVersionWhenJudgedThenItMatches() {
        Baseline restored = with(FENCE, List.of(new Baseline.ExtensionVersion("pg_trgm", "1.7"),
                new Baseline.ExtensionVersion("pgcrypto", "1.3")), BEFORE.roles(), BEFORE.migrationVersion());

        assertThat(new RestoredDataMatchesTheFence(BEFORE, FENCE, restored).isViolated()).isFalse();
    }

    @Test
    void givenEveryKindOfDifferenceWhenJudgedThenEachIsNamedInTheMessage() {
        Baseline restored = with(List.of(new Baseline.TableRows("public", "posts", 36),
                        new Baseline.TableRows("public", "audit", 0)),
                List.of(new Baseline.ExtensionVersion("pg_trgm", "1.6")),
                List.of(new Baseline.RoleAttributes("api_worker", List.of("Create DB")),
                        new Baseline.RoleAttributes("owner", List.of("Superuser"))),
                "20251215000000");

        RestoredDataMatchesTheFence rule = new RestoredDataMatchesTheFence(BEFORE, FENCE, restored);

        assertThat(rule.isViolated()).isTrue();
        assertThat(rule.message()).isEqualTo("integrity mismatch: table public.users is missing; "
                + "table public.audit is new; extension pgcrypto is missing; role api_worker has [Create DB], had []; "
                + "migration version is 20251215000000, was 20251214000000; table public.posts has 36 rows, had 37 at the fence");
    }

    @Test
    void givenTheOldDatabaseWithARowLessWhenJudgedThenTheMessageSaysItDiffersFromBefore() {
        Baseline observed = with(List.of(new Baseline.TableRows("public", "posts", 37),
                new Baseline.TableRows("public", "users", 17)), BEFORE.extensions(), BEFORE.roles(), BEFORE.migrationVersion());

        OldDataMatchesTheFence rule = new OldDataMatchesTheFence(BEFORE, FENCE, observed);

        assertThat(rule.isViolated()).isTrue();
        assertThat(rule.message()).isEqualTo("the old database differs from before the upgrade: "
                + "table public.users has 17 rows, had 18 at the fence");
    }

    @Test
    void givenTheOldMajorVersionWhenJudgedThenItServesAgain() {
        assertThat(new TheOldVersionServesAgain(BEFORE, BEFORE).isViolated()).isFalse();
    }

    private static Baseline with(List<Baseline.TableRows> tables, List<Baseline.ExtensionVersion> extensions,
                                 List<Baseline.RoleAttributes> roles, String migrationVersion) {
        return new Baseline(BEFORE.serverVersion(), BEFORE.serverVersionNumber(), BEFORE.database(),
                BEFORE.databaseSizeBytes(), tables, extensions, roles, migrationVersion);
    }
}
