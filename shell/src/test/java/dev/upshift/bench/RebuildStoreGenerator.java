package dev.upshift.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.Phase;
import dev.upshift.orchestrator.api.Runbook;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.commands.CompleteStep;
import dev.upshift.orchestrator.api.commands.PlanUpgrade;
import dev.upshift.orchestrator.api.commands.RecordProgress;
import dev.upshift.orchestrator.api.commands.StartPreflight;
import dev.upshift.orchestrator.api.commands.StartRun;
import dev.upshift.orchestrator.api.commands.StartStep;
import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.ContainerStarted;
import dev.upshift.orchestrator.api.events.DatabaseFenced;
import dev.upshift.orchestrator.api.events.EventSamples;
import dev.upshift.orchestrator.api.events.ServiceStarted;
import dev.upshift.orchestrator.api.events.ServiceStopped;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.api.events.StepProgress;
import dev.upshift.orchestrator.api.events.UpgradeEvent;
import dev.upshift.shell.UpshiftApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark fixture, not a test: fills a store with completed upgrades of the sample stack, each sent as the real
 * commands (plan, pre-flight, run, every runbook step with its outcome) through the real application context, so
 * that the events are the real records, serialised by the real serializer into the real event table, and every
 * processor (read models, saga) has handled them. The runner named in the commands is not this process, so the
 * saga drives nothing.
 *
 * <p>{@code java -cp ... dev.upshift.bench.RebuildStoreGenerator STORE_URL HOME_DIR TARGET_EVENTS [THREADS]}
 */
public final class RebuildStoreGenerator {

    private static final String RUNNER = "bench generator (not this process)";

    private final CommandGateway commands;
    private final ObjectMapper json;
    private final UpgradePlan plan = SamplePlans.makapix();
    private final Runbook runbook = Runbook.of(plan);

    private RebuildStoreGenerator(CommandGateway commands, ObjectMapper json) {
        this.commands = commands;
        this.json = json;
    }

    public static void main(String[] args) throws Exception {
        String store = args[0];
        String home = args[1];
        long target = Long.parseLong(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UpshiftApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "upshift.store", store,
                        "upshift.home", home,
                        "spring.shell.interactive.enabled", "false",
                        "spring.shell.noninteractive.enabled", "false"))
                .run()) {
            EventStore eventStore = context.getBean(EventStore.class);
            long existing = count(context);
            RebuildStoreGenerator generator = new RebuildStoreGenerator(context.getBean(CommandGateway.class),
                    context.getBean(ObjectMapper.class));
            AtomicLong events = new AtomicLong(existing);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> running = new ArrayList<>();
            long upgrades = 0;
            long perUpgrade = generator.eventsPerUpgrade();
            for (long planned = existing; planned < target; planned += perUpgrade) {
                String id = "bench-" + System.currentTimeMillis() + "-" + upgrades++;
                running.add(pool.submit(() -> {
                    events.addAndGet(generator.upgrade(id));
                    return null;
                }));
            }
            for (Future<?> upgrade : running) {
                upgrade.get();
            }
            pool.shutdown();
            awaitProcessors(context.getBean(EventProcessingConfiguration.class), eventStore);
            System.out.printf("store holds %d events (%d upgrades added, %d events each) in %.1f s%n",
                    count(context), upgrades, perUpgrade, (System.nanoTime() - started) / 1e9);
        }
        System.exit(0);
    }

    /** One upgrade from plan to completion; returns the number of events it recorded. */
    private long upgrade(String id) {
        long events = 0;
        events += send(new PlanUpgrade(id, plan), 1);
        events += send(new StartPreflight(id, RUNNER), 2); // PreflightStarted, StepDue
        for (Step step : runbook.inPhase(Phase.PREFLIGHT)) {
            events += step(id, step); // the last one's decision: PreflightPassed
        }
        events += send(new StartRun(id, RUNNER, null, true), 3); // DowntimeApproved, RunStarted, StepDue
        for (Step step : runbook.steps()) {
            if (step.phase() != Phase.PREFLIGHT) {
                events += step(id, step); // the last one's decision: UpgradeCompleted
            }
        }
        return events;
    }

    private long eventsPerUpgrade() {
        long steps = runbook.steps().stream().mapToLong(step -> 3 + progress(step).size()).sum();
        return 1 + 2 + 3 + steps;
    }

    private long step(String id, Step step) {
        long events = send(new StartStep(id, step, RUNNER), 1);
        for (Class<? extends StepProgress> fact : progress(step)) {
            events += send(new RecordProgress(id, (StepProgress) sample(fact, id, step)), 1);
        }
        // the outcome, and the aggregate's decision of what comes next
        return events + send(new CompleteStep(id, (StepOutcome) sample(outcome(step.kind()), id, step)), 2);
    }

    private long send(Object command, long events) {
        commands.sendAndWait(command);
        return events;
    }

    private static List<Class<? extends StepProgress>> progress(Step step) {
        return switch (step.kind()) {
            case STOP_DEPENDENTS -> List.of(ServiceStopped.class, ServiceStopped.class, ServiceStopped.class,
                    DatabaseFenced.class);
            case START_NEW_DATABASE -> List.of(ContainerStarted.class);
            case START_SERVICE -> List.of(ServiceStarted.class);
            default -> List.of();
        };
    }

    /** The outcome event of a step kind: the sample whose step has that kind (the three dumps share one). */
    private static Class<?> outcome(StepKind kind) {
        return switch (kind) {
            case CUSTOM_DUMP, SQL_DUMP, ROLES_DUMP -> BackupCreated.class;
            default -> OUTCOMES.get(kind);
        };
    }

    private static final Map<StepKind, Class<?>> OUTCOMES = outcomes();

    private static Map<StepKind, Class<?>> outcomes() {
        Map<StepKind, Class<?>> outcomes = new java.util.EnumMap<>(StepKind.class);
        for (Class<?> type : List.of(dev.upshift.orchestrator.api.events.BaselineCaptured.class,
                dev.upshift.orchestrator.api.events.DiskSpaceChecked.class, dev.upshift.orchestrator.api.events.ServicesHealthChecked.class,
                dev.upshift.orchestrator.api.events.CompatibilityChecked.class, dev.upshift.orchestrator.api.events.BackupVerified.class,
                dev.upshift.orchestrator.api.events.ComposeFileUpdated.class, dev.upshift.orchestrator.api.events.ImagePulled.class,
                dev.upshift.orchestrator.api.events.FinalDumpTaken.class, dev.upshift.orchestrator.api.events.DatabaseStopped.class,
                dev.upshift.orchestrator.api.events.VolumeSnapshotted.class, dev.upshift.orchestrator.api.events.ContainerRemoved.class,
                dev.upshift.orchestrator.api.events.DataRestored.class, dev.upshift.orchestrator.api.events.VersionVerified.class,
                dev.upshift.orchestrator.api.events.IntegrityVerified.class, dev.upshift.orchestrator.api.events.ServiceHealthy.class,
                dev.upshift.orchestrator.api.events.ServicesRestored.class, dev.upshift.orchestrator.api.events.HealthValidated.class,
                dev.upshift.orchestrator.api.events.StatisticsRebuilt.class, dev.upshift.orchestrator.api.events.SmokeQueriesPassed.class)) {
            StepOutcome sample = (StepOutcome) EventSamples.of(type).orElseThrow();
            outcomes.put(sample.step().kind(), type);
        }
        return outcomes;
    }

    /** The catalogue's sample of an event, moved to this upgrade and this step. */
    private UpgradeEvent sample(Class<?> type, String id, Step step) {
        UpgradeEvent sample = EventSamples.of(type).orElseThrow(() -> new IllegalStateException("no sample " + type));
        ObjectNode tree = json.valueToTree(sample);
        tree.put("upgradeId", id);
        tree.set("step", json.valueToTree(step));
        if (step.service() != null && tree.has("service")) {
            tree.put("service", step.service());
        }
        return (UpgradeEvent) json.convertValue(tree, type);
    }

    private static long count(ConfigurableApplicationContext context) {
        return context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** Every processor, the saga's included, at the head: the rebuild must not share the machine with a catch-up. */
    private static void awaitProcessors(EventProcessingConfiguration processing, EventStore eventStore)
            throws InterruptedException {
        long head = eventStore.createHeadToken().position().orElse(-1);
        while (true) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                    .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus()
                            .values().stream().allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
            if (caughtUp) {
                return;
            }
            Thread.sleep(200);
        }
    }
}
