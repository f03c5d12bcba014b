package dev.upshift.shell.config;

import java.util.List;

import dev.upshift.orchestrator.process.UpgradeSaga;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Axon runs here. Commands are handled on their own threads, so that a step's I/O runs outside the saga's
 * unit of work and each step's events are stored the moment it ends. The saga starts at the head of the
 * stream (it must never re-run history); the read models start at its tail. The read-only commands start no
 * processor at all ({@code upshift.event-processors.auto-start: false}). Interceptor beans such as
 * {@link InFlightCommands} are registered by Axon's auto-configuration.
 */
@Configuration
public class AxonSetup {

    @Bean
    public CommandBus commandBus(TransactionManager transactionManager, List<CorrelationDataProvider> providers) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder().transactionManager(transactionManager).build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
        bus.registerDispatchInterceptor(Actor.current());
        return bus;
    }

    /** Who and where: carried from each command to the events it causes, and on to the commands they cause. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.USER, Actor.HOST);
    }

    @Bean
    public ConfigurerModule eventProcessors(@Value("${upshift.event-processors.auto-start:true}") boolean autoStart) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingTrackingEventProcessors();
            processing.registerTrackingEventProcessorConfiguration(config ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                            .andAutoStart(autoStart));
            processing.registerTrackingEventProcessorConfiguration(UpgradeSaga.PROCESSING_GROUP, config ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createHeadToken)
                            .andAutoStart(autoStart));
        });
    }
}
