package dev.upshift.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.upshift.audit.SampleHistory;
import dev.upshift.audit.drive.DriveClaims;
import dev.upshift.audit.integrity.ChainVerdict;
import dev.upshift.audit.integrity.ChainVerifier;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.orchestrator.api.queries.AuditEntry;
import dev.upshift.orchestrator.api.queries.ComponentStatus;
import dev.upshift.orchestrator.api.queries.FindAuditTrail;
import dev.upshift.orchestrator.api.queries.FindUpgradeAt;
import dev.upshift.orchestrator.api.queries.ListUpgrades;
import dev.upshift.orchestrator.api.queries.LogEntry;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the replay service must do on any store the shell supports; each store has a subclass. */
@SpringBootTest(classes = ReplayServiceContract.Application.class, properties = {
        "axon.axonserver.enabled=false",
        "axon.serializer.general=jackson",
        "axon.serializer.events=jackson",
        "axon.serializer.messages=jackson"})
abstract class ReplayServiceContract {

    private static final AtomicInteger UPGRADES = new AtomicInteger();

    @Autowired
    private EventStore eventStore;
    @Autowired
    private ReplayService replay;
    @Autowired
    private DriveClaims drives;
    @Autowired
    private QueryGateway queries;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CountingAutomation automation;
    @Autowired
    private ChainVerifier verifier;

    @Test
    void givenTwoUpgradesWhenRebuiltThenEveryReadModelAnswersAsBeforeAndTheAutomationSawNothingTwice() {
        String[] upgrades = twoUpgradesInTheReadModels();
        List<Object> before = answers(upgrades);
        int automationSaw = automation.seen();
        jdbc.update("DELETE FROM component_status"); // a damaged read model, as after a bug fix
        List<RebuildProgress> progress = new ArrayList<>();

        RebuildResult result = replay.rebuild(progress::add);

        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        assertThat(result.events()).isEqualTo(stored);
        assertThat(result.readModels()).containsExactly("ReadModel_AuditTrail", "ReadModel_ComponentStatus",
                "ReadModel_ExecutionLog", "ReadModel_UpgradeStatus", "ReadModel_UpgradeSummary");
        assertThat(progress).last().isEqualTo(new RebuildProgress(stored, stored));
        assertThat(progress).extracting(RebuildProgress::done).isSorted();
        assertThat(answers(upgrades)).isEqualTo(before);
        assertThat(automationSaw).as("the automation handles events").isPositive();
        assertThat(automation.seen()).as("and never sees one twice").isEqualTo(automationSaw);
    }

    @Test
    void givenEventsAppendedThroughAxonWhenVerifiedThenEachIsChainedAndAnEditedPayloadIsNamed() {
        SampleHistory history = SampleHistory.completed(nextId());
        String upgradeId = append(history);

        ChainVerdict intact = verifier.verify(upgradeId).get(0);
        String editMetadata = "UPDATE domainevententry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 3";
        byte[] metadata = jdbc.queryForObject("SELECT metaData FROM domainevententry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = 3", byte[].class, upgradeId);
        jdbc.update(editMetadata, "{}".getBytes(StandardCharsets.UTF_8), upgradeId);
        ChainVerdict edited = verifier.verify(upgradeId).get(0);
        jdbc.update(editMetadata, metadata, upgradeId); // the store is shared with the other tests

        assertThat(intact.status()).isEqualTo(ChainVerdict.Status.INTACT);
        assertThat(intact.events()).isEqualTo(history.payloads().size());
        assertThat(edited.problem()).startsWith("event 3 (").contains("was changed");
        assertThat(verifier.verify(upgradeId).get(0)).as("the same bytes again").isEqualTo(intact);
    }

    @Test
    void givenAnUpgradeThatAnotherProcessDrivesWhenRebuiltThenTheRebuildRefusesNamingItAndChangesNothing() {
        String[] upgrades = twoUpgradesInTheReadModels();
        jdbc.update("DELETE FROM component_status");
        List<Object> before = answers(upgrades);
        drives.claim(upgrades[0], "alice, pid 4242 on db-host-1");
        try {
            assertThatThrownBy(() -> replay.rebuild(step -> {
            })).hasMessageStartingWith("upgrade " + upgrades[0] + " is driven by alice, pid 4242 on db-host-1 since ")
                    .hasMessageEndingWith("; rebuild when no upgrade is being driven (`upshift list`)");
            assertThat(answers(upgrades)).isEqualTo(before);
        } finally {
            drives.release(upgrades[0], "alice, pid 4242 on db-host-1");
        }
    }

    @Test
    void givenAnUpgradeWhenReplayedToTheMomentTheDatabaseStoppedThenItIsDownAndTheDependentsAreStopped() {
        SampleHistory history = SampleHistory.completed(nextId());
        String upgradeId = append(history);

        UpgradeAt then = replay.stateAt(upgradeId, SampleHistory.DATABASE_STOPPED);

        assertThat(then.events()).isEqualTo(history.until(SampleHistory.DATABASE_STOPPED).payloads().size());
        assertThat(then.upgrade().status()).isEqualTo(UpgradeStatus.RUNNING);
        assertThat(then.log()).last().extracting(LogEntry::step, LogEntry::status).containsExactly("3.2", LogEntry.DONE);
        assertThat(current(then)).extracting(ComponentStatus::component, ComponentStatus::status).containsExactly(
                tuple("site", "❌ Down"), tuple("api", "❌ Stopped"), tuple("worker", "❌ Stopped"),
                tuple("web", "❌ Stopped"), tuple("database", "❌ Stopped"));
        assertThat(then.summary().downtimeOngoing()).isTrue();
        assertThat(then.summary().downtime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givenAnUpgradeWhenReplayedToItsLastEventThenTheAnswerIsWhatTheLiveReadModelsSay() {
        SampleHistory history = SampleHistory.rolledBackAtTheApi(nextId());
        String upgradeId = append(history);

        UpgradeAt replayed = replay.stateAt(upgradeId, history.lastTime());
        UpgradeAt live = queries.query(new FindUpgradeAt(upgradeId, null), UpgradeAt.class).join();

        assertThat(replayed.events()).isEqualTo(live.events()).isEqualTo(history.payloads().size());
        assertThat(replayed.upgrade()).isEqualTo(live.upgrade());
        assertThat(replayed.log()).isEqualTo(live.log());
        assertThat(replayed.components()).isEqualTo(live.components());
        assertThat(replayed.summary()).isEqualTo(live.summary());
    }

    @Test
    void givenAnInstantBeforeThePlanWhenReplayedThenThereIsNoUpgradeYet() {
        String upgradeId = append(SampleHistory.completed(nextId()));

        UpgradeAt then = replay.stateAt(upgradeId, SampleHistory.DOWNTIME_STARTS.minus(Duration.ofDays(1)));

        assertThat(then.events()).isZero();
        assertThat(then.upgrade()).isNull();
        assertThat(then.log()).isEmpty();
        assertThat(then.components()).isEmpty();
    }

    @Test
    void givenAnEventTimeFinerThanTheStoreKeepsWhenReplayedToTheTimeTheAuditTrailShowsThenTheEventIsIncluded() {
        String upgradeId = nextId();
        SampleHistory history = SampleHistory.completed(upgradeId).until(SampleHistory.DOWNTIME_STARTS.minusSeconds(1))
                .at(SampleHistory.DOWNTIME_STARTS.plusNanos(123_456_123))
                .then(new ServiceStopped(upgradeId, SampleHistory.step("3.1"), "web", "makapix-web-1"));
        append(history);
        AuditEntry stopped = queries.query(new FindAuditTrail(upgradeId, null, null, "ServiceStopped", null),
                ResponseTypes.multipleInstancesOf(AuditEntry.class)).join().get(0);

        UpgradeAt then = replay.stateAt(upgradeId, stopped.time());

        assertThat(stopped.time()).as("the JDBC event store keeps milliseconds").isEqualTo("2025-12-15T20:12:00.123Z");
        assertThat(then.events()).isEqualTo(history.payloads().size());
        assertThat(current(then)).extracting(ComponentStatus::component, ComponentStatus::status)
                .contains(tuple("web", "❌ Stopped"));
    }

    /** A completed upgrade and a rolled-back one, handled by every processor; their ids. */
    private String[] twoUpgradesInTheReadModels() {
        String completed = append(SampleHistory.completed(nextId()));
        String rolledBack = append(SampleHistory.rolledBackAtTheApi(nextId()));
        return new String[] {completed, rolledBack};
    }

    private static String nextId() {
        return "replay-" + UPGRADES.incrementAndGet();
    }

    private String append(SampleHistory history) {
        eventStore.publish(history.messages());
        return history.messages().get(0).getAggregateIdentifier();
    }

    private List<Object> answers(String... upgradeIds) {
        List<Object> answers = new ArrayList<>();
        answers.add(queries.query(new ListUpgrades(), ResponseTypes.multipleInstancesOf(UpgradeView.class)).join());
        answers.add(queries.query(FindAuditTrail.of(null), ResponseTypes.multipleInstancesOf(AuditEntry.class)).join());
        for (String upgradeId : upgradeIds) {
            answers.add(queries.query(new FindUpgradeAt(upgradeId, null), UpgradeAt.class).join());
        }
        return answers;
    }

    private static List<ComponentStatus> current(UpgradeAt state) {
        String last = state.components().get(state.components().size() - 1).moment();
        return state.components().stream().filter(row -> row.moment().equals(last)).toList();
    }

    /**
     * The audit module alone on a real store, with Axon's auto-configuration and subscribing processors as the
     * shell sets them up, plus an automation that must never see an event twice. Nested in a test class, so that Spring
     * Boot's test scans of other modules leave it out.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "dev.upshift.audit",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Application {

        @Bean
        ConfigurerModule subscribingProcessors() {
            return configurer -> configurer.eventProcessing(processing -> processing.usingSubscribingEventProcessors()
                    .registerDefaultListenerInvocationErrorHandler(any -> PropagatingErrorHandler.instance()));
        }

        @Bean
        CountingAutomation countingAutomation() {
            return new CountingAutomation();
        }

    }

    /** Stands for the saga: a side-effecting handler outside the read models. */
    @ProcessingGroup(CountingAutomation.PROCESSING_GROUP)
    static class CountingAutomation {

        static final String PROCESSING_GROUP = "Automation_Counting";

        private final AtomicInteger seen = new AtomicInteger();

        @EventHandler
        void on(UpgradeEvent event) {
            seen.incrementAndGet();
        }

        int seen() {
            return seen.get();
        }
    }
}
