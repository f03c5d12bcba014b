package dev.upshift.shell.config;

import java.util.List;

import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How Axon runs here. Commands are handled on their own threads, so that a step's I/O runs outside the unit of
 * work of the handler that dispatched it and each step's events are stored the moment it ends. Interceptor beans such as
 * {@link InFlightCommands} are registered by Axon's auto-configuration.
 */
@Configuration
public class AxonSetup {

    @Bean
    public CommandBus commandBus(TransactionManager transactionManager, List<CorrelationDataProvider> providers,
                                 ObjectProvider<StoreSchema> schema) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder().transactionManager(transactionManager).build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
        bus.registerDispatchInterceptor(new ReadOnlyStoreGuard(schema::getObject));
        bus.registerDispatchInterceptor(Actor.current());
        return bus;
    }

    /** Who and where: carried from each command to the events it causes, and on to the commands they cause. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.USER, Actor.HOST);
    }

    /**
     * Every handler runs in the process that stores the events, inside the transaction that stores them: the read
     * models never lag behind the store nor hold anything another process waits for, and each process drives the
     * upgrades it started (docs/architecture.md, "Who drives an upgrade"). A handler's failure fails the command
     * whose events it handles, so that events and read models never disagree.
     */
    @Bean
    public ConfigurerModule eventProcessors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(any -> PropagatingErrorHandler.instance()));
    }
}
