package dev.upshift.shell.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.upshift.orchestrator.process.NodeDispatcher;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * How {@code upshift serve} nodes share the work: the {@link NodeDispatcher} is a pooled streaming processor whose
 * segments (events of one upgrade always in the same one) the nodes claim through Axon's token store. A node that
 * dies stops renewing its claims; after Axon's claim timeout (10 s) another node claims its segments, within its
 * claim interval (1 s).
 */
@org.springframework.context.annotation.Configuration
@Profile("serve")
public class NodeProcessing {

    /** Claims are renewed this often while a long step keeps the processor's worker busy. */
    static final Duration CLAIM_RENEWAL = Duration.ofSeconds(2);

    @Bean
    public ConfigurerModule nodeDispatcherProcessor(@Value(NodeTokens.SEGMENTS) int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessor(
                NodeDispatcher.PROCESSING_GROUP, Configuration::eventStore, (configuration, builder) -> builder
                        .initialSegmentCount(segments)
                        .initialToken(StreamableMessageSource::createHeadToken)
                        .tokenClaimInterval(1_000)));
    }

    /** The web server asks for SSL bundles; the node serves plain HTTP (application.yml leaves SSL's set-up out). */
    @Bean
    public SslBundles noSslBundles() {
        return new DefaultSslBundleRegistry();
    }

    /** A node executes the deadlines that are due (a window's opening, a retention's removal); others only schedule. */
    @Bean
    public SmartLifecycle deadlineExecution(Scheduler deadlineScheduler) {
        return new DeadlineExecution(deadlineScheduler);
    }

    @Bean
    public ClaimKeeper claimKeeper(EventProcessingConfiguration processing, TokenStore tokens,
                                   TransactionManager transactions) {
        return new ClaimKeeper(processing, tokens, transactions);
    }

    /**
     * Axon's work package extends its claim only between events, and a step may take minutes: while it runs, this
     * extends the claim of every segment this node holds, so that no other node takes over a node that is alive.
     */
    public static final class ClaimKeeper implements DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(ClaimKeeper.class);

        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "upshift-claim-keeper");
            thread.setDaemon(true);
            return thread;
        });

        ClaimKeeper(EventProcessingConfiguration processing, TokenStore tokens, TransactionManager transactions) {
            timer.scheduleWithFixedDelay(() -> processing.eventProcessor(NodeDispatcher.PROCESSING_GROUP,
                    StreamingEventProcessor.class).ifPresent(processor -> processor.processingStatus().keySet()
                    .forEach(segment -> extend(tokens, transactions, segment))),
                    CLAIM_RENEWAL.toMillis(), CLAIM_RENEWAL.toMillis(), TimeUnit.MILLISECONDS);
        }

        private static void extend(TokenStore tokens, TransactionManager transactions, int segment) {
            try {
                transactions.executeInTransaction(() -> tokens.extendClaim(NodeDispatcher.PROCESSING_GROUP, segment));
            } catch (UnableToClaimTokenException released) {
                log.debug("segment {} is no longer this node's", segment, released);
            }
        }

        @Override
        public void destroy() {
            timer.shutdownNow();
        }
    }

    /** Started last and stopped first (the default phase): Axon's configuration is up before a deadline fires. */
    static final class DeadlineExecution implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        DeadlineExecution(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
