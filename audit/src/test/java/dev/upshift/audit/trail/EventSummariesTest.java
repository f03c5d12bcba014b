package dev.upshift.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import dev.upshift.orchestrator.api.UpgradeEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

class EventSummariesTest {

    @Test
    void givenEveryEventRecordOfTheApiWhenListingKnownTypesThenEachHasASummary() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(UpgradeEvent.class));
        Set<String> events = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.upshift.orchestrator.api")) {
            events.add(candidate.getBeanClassName().substring(candidate.getBeanClassName().lastIndexOf('.') + 1));
        }

        assertThat(events).hasSizeGreaterThan(40);
        assertThat(EventSummaries.knownTypes()).containsExactlyElementsOf(events);
    }
}
