package dev.upshift.audit.replay;

import java.util.concurrent.atomic.AtomicInteger;

import dev.upshift.orchestrator.api.UpgradeEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The audit module alone on a real store, with Axon's auto-configuration and tracking processors as the shell
 * sets them up, plus an automation that must never see an event twice.
 */
@SpringBootApplication(scanBasePackages = "dev.upshift.audit")
public class ReplayTestApplication {

    @Bean
    public ConfigurerModule trackingProcessorsFromTheTail() {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingTrackingEventProcessors();
            processing.registerTrackingEventProcessorConfiguration(config ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createTailToken));
        });
    }

    /** Stands for the saga: a side-effecting handler outside the read models. */
    @Component
    @ProcessingGroup(CountingAutomation.PROCESSING_GROUP)
    public static class CountingAutomation {

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
