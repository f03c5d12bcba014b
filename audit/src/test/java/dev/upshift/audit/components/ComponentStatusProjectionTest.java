package dev.upshift.audit.components;

import static dev.upshift.audit.InMemoryReadModels.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Collectors;

import dev.upshift.audit.InMemoryReadModels;
import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.api.queries.ComponentStatus;
import dev.upshift.orchestrator.api.queries.FindComponentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ComponentStatusProjectionTest {

    private final InMemoryReadModels store = new InMemoryReadModels();
    private final ComponentStatusProjection components = new ComponentStatusProjection(store.jdbc());

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenACompletedUpgradeWhenProjectedThenItHasTheRunbooksMomentsInOrder() {
        feed(components, SampleHistory.completed().tracked(1));

        assertThat(moments()).containsExactly("Before upgrade", "During Phase 1-2 (backup, prepare)",
                "During Phase 3.1-3.2 (services stopping)", "During Phase 3.3-3.5 (database migration)",
                "During Phase 3.6-3.7 (verification)", "During Phase 4 (services restarting)",
                "During Phase 5 (validation)", "After Phase 5");
    }

    @Test
    void givenThePreflightWhenProjectedThenBeforeTheUpgradeEverythingServesOnTheOldVersion() {
        feed(components, SampleHistory.completed().tracked(1));

        assertThat(at("Before upgrade")).containsExactly(
                tuple("site", "✅ Online", "Full functionality"),
                tuple("api", "✅ Healthy", "Serving"),
                tuple("worker", "✅ Healthy", "Serving"),
                tuple("web", "✅ Healthy", "Serving"),
                tuple("database", "✅ Running", "PG 16.11, accepting connections"));
    }

    @Test
    void givenTheDependentsStoppedAndTheDatabaseStoppedWhenProjectedThenTheSiteIsDownAtTheEndOf31To32() {
        feed(components, SampleHistory.completed().tracked(1));

        assertThat(at("During Phase 3.1-3.2 (services stopping)")).containsExactly(
                tuple("site", "❌ Down", "Error page or connection errors"),
                tuple("api", "❌ Stopped", "Not running"),
                tuple("worker", "❌ Stopped", "Not running"),
                tuple("web", "❌ Stopped", "Not running"),
                tuple("database", "❌ Stopped", "Old server stopped; its volume kept"));
    }

    @Test
    void givenOnlyTheFenceSoFarWhenProjectedThenTheDatabaseIsFencedAndTheSiteDown() {
        feed(components, SampleHistory.completed().until(SampleHistory.DOWNTIME_STARTS.plusSeconds(3)).tracked(1));

        List<ComponentStatus> now = current();
        assertThat(now.get(0).moment()).isEqualTo("During Phase 3.1-3.2 (services stopping)");
        assertThat(now).extracting(ComponentStatus::component, ComponentStatus::status).containsExactly(
                tuple("site", "❌ Down"), tuple("api", "❌ Stopped"), tuple("worker", "❌ Stopped"),
                tuple("web", "❌ Stopped"), tuple("database", "⚠️ Fenced"));
    }

    @Test
    void givenTheUpgradeCompletedWhenProjectedThenAfterPhase5EverythingServesOnTheNewVersion() {
        feed(components, SampleHistory.completed().tracked(1));

        assertThat(at("After Phase 5")).containsExactly(
                tuple("site", "✅ Online", "Full functionality"),
                tuple("api", "✅ Healthy", "Serving on the new version"),
                tuple("worker", "✅ Healthy", "Serving on the new version"),
                tuple("web", "✅ Healthy", "Serving on the new version"),
                tuple("database", "✅ Running", "PG 17.7 accepting connections"));
        assertThat(current().get(0).since()).isEqualTo(SampleHistory.SERVICES_RESTORED.plusSeconds(2));
    }

    @Test
    void givenTheApiUnhealthyOn17WhenRolledBackThenTheFailureAndTheRestoredOldVersionAreShown() {
        feed(components, SampleHistory.rolledBackAtTheApi().tracked(1));

        assertThat(moments()).endsWith("During Phase 4 (services restarting)", "During rollback", "After rollback");
        assertThat(at("During Phase 4 (services restarting)")).contains(tuple("api", "❌ Failed",
                "api is running (unhealthy) on the new version: column \"checkpoints_timed\" does not exist"));
        assertThat(at("After rollback")).containsExactly(
                tuple("site", "✅ Online", "Full functionality on the old version"),
                tuple("api", "✅ Healthy", "Serving on the old version"),
                tuple("worker", "✅ Healthy", "Serving on the old version"),
                tuple("web", "✅ Healthy", "Serving on the old version"),
                tuple("database", "✅ Running", "PG 16.11, rows as at the fence"));
    }

    @Test
    void givenThePlanDeliveredTwiceWhenProjectedThenTheComponentsAreListedOnce() {
        SampleHistory history = SampleHistory.completed();
        feed(components, history.tracked(1).subList(0, 1));
        feed(components, history.tracked(1));

        assertThat(at("After Phase 5")).hasSize(5);
        assertThat(moments()).hasSize(8);
    }

    @Test
    void givenStatusTablesWhenResetThenTheyAreEmpty() {
        feed(components, SampleHistory.completed().tracked(1));

        InMemoryReadModels.reset(components);

        assertThat(components.handle(new FindComponentStatus(SampleHistory.ID))).isEmpty();
    }

    private List<String> moments() {
        return components.handle(new FindComponentStatus(SampleHistory.ID)).stream().map(ComponentStatus::moment)
                .distinct().collect(Collectors.toList());
    }

    private List<org.assertj.core.groups.Tuple> at(String moment) {
        return components.handle(new FindComponentStatus(SampleHistory.ID)).stream()
                .filter(row -> row.moment().equals(moment))
                .map(row -> tuple(row.component(), row.status(), row.experience()))
                .toList();
    }

    private List<ComponentStatus> current() {
        List<ComponentStatus> all = components.handle(new FindComponentStatus(SampleHistory.ID));
        String last = all.get(all.size() - 1).moment();
        return all.stream().filter(row -> row.moment().equals(last)).toList();
    }
}
