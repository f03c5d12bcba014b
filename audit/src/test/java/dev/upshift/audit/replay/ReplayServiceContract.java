package dev.upshift.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.upshift.audit.SampleHistory;
import dev.upshift.orchestrator.api.AuditEntry;
import dev.upshift.orchestrator.api.ComponentStatus;
import dev.upshift.orchestrator.api.FindAuditTrail;
import dev.upshift.orchestrator.api.FindUpgradeAt;
import dev.upshift.orchestrator.api.ListUpgrades;
import dev.upshift.orchestrator.api.LogEntry;
import dev.upshift.orchestrator.api.ServiceStopped;
import dev.upshift.orchestrator.api.UpgradeAt;
import dev.upshift.orchestrator.api.UpgradeEvent;
import dev.upshift.orchestrator.api.UpgradeStatus;
import dev.upshift.orchestrator.api.UpgradeView;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
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
    /** Enough rounds that a shutdown racing a start would have shown (the issue saw it on one rebuild of a few). */
    private static final int RESTARTS = 10;

    @Autowired
    private EventStore eventStore;
    @Autowired
    private ReplayService replay;
    @Autowired
    private QueryGateway queries;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private CountingAutomation automation;
    @Autowired
    private ConnectionProvider connections;
    @Autowired
    private Serializer serializer;
    @Autowired
    private TransactionManager transactions;

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

    /**
     * Issue 4: a processor shut down while it was still starting never processed again, and the rebuild waited for
     * it forever. Each round restarts the processors, rebuilds at once, then proves every processor handles new
     * events again.
     */
    @Test
    void givenReadModelProcessorsThatHaveJustStartedWhenRebuiltThenTheRebuildFinishesAndChangesNoAnswer() {
        String[] upgrades = twoUpgradesInTheReadModels();
        List<Object> before = answers(upgrades);

        for (int round = 1; round <= RESTARTS; round++) {
            CompletableFuture.allOf(readModelProcessors().stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).join();
            readModelProcessors().forEach(StreamingEventProcessor::start);

            RebuildResult result = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> replay.rebuild(step -> {
            }), "rebuild " + round);

            assertThat(result.readModels()).as("round %d", round).hasSize(5);
            assertThat(answers(upgrades)).as("round %d", round).isEqualTo(before);
            append(SampleHistory.completed(nextId()));
            awaitReadModels();
            before = answers(upgrades);
        }
    }

    @Test
    void givenAReadModelThatAnotherProcessHoldsWhenRebuiltThenTheRebuildRefusesNamingItAndChangesNothing() {
        String[] upgrades = twoUpgradesInTheReadModels();
        List<Object> before = answers(upgrades);
        String held = "ReadModel_UpgradeSummary";
        StreamingEventProcessor ours = processing.eventProcessor(held, StreamingEventProcessor.class).orElseThrow();
        ours.shutDown();
        TokenStore anotherProcess = JdbcTokenStore.builder().connectionProvider(connections).schema(new TokenSchema())
                .serializer(serializer).nodeId("another upshift process").build();
        transactions.executeInTransaction(() -> anotherProcess.fetchToken(held, 0));
        try {
            assertThatThrownBy(() -> replay.rebuild(step -> {
            })).hasMessage("another Upshift process holds the read model ReadModel_UpgradeSummary; rebuild when no "
                    + "other upshift command is running");
            assertThat(answers(upgrades)).isEqualTo(before);
        } finally {
            transactions.executeInTransaction(() -> anotherProcess.releaseClaim(held, 0));
            ours.start();
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
        awaitReadModels();

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
        awaitReadModels();
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
        awaitReadModels();
        return new String[] {completed, rolledBack};
    }

    private List<StreamingEventProcessor> readModelProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(processor -> processor.getKey().startsWith(ReplayService.READ_MODEL_PREFIX))
                .map(processor -> (StreamingEventProcessor) processor.getValue())
                .toList();
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

    /** Until every tracking processor has handled everything stored so far. */
    private void awaitReadModels() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head.position().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!processing.eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= headPosition))) {
            assertThat(System.nanoTime()).as("the read models caught up within 60 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /**
     * The audit module alone on a real store, with Axon's auto-configuration and tracking processors as the shell
     * sets them up, plus an automation that must never see an event twice. Nested in a test class, so that Spring
     * Boot's test scans of other modules leave it out.
     */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan(basePackages = "dev.upshift.audit",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Application {

        @Bean
        ConfigurerModule trackingProcessorsFromTheTail() {
            return configurer -> configurer.eventProcessing(processing -> {
                processing.usingTrackingEventProcessors();
                processing.registerTrackingEventProcessorConfiguration(config ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken));
            });
        }

        @Bean
        CountingAutomation countingAutomation() {
            return new CountingAutomation();
        }

        @Bean
        TokenStore slowlyClaimingTokenStore(ConnectionProvider connections, Serializer serializer) {
            return new SlowlyClaimingTokenStore(JdbcTokenStore.builder().connectionProvider(connections)
                    .schema(new TokenSchema()).serializer(serializer));
        }
    }

    /**
     * A processor's claim takes as long as on a loaded machine, so that a shutdown right after a start lands in the
     * middle of one, as in issue 4; the rebuild's own claims are not slowed down.
     */
    static class SlowlyClaimingTokenStore extends JdbcTokenStore {

        private static final long CLAIM_MILLIS = 100;

        SlowlyClaimingTokenStore(Builder builder) {
            super(builder);
        }

        @Override
        public TrackingToken fetchToken(String processorName, Segment segment) {
            try {
                Thread.sleep(CLAIM_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            return super.fetchToken(processorName, segment);
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
