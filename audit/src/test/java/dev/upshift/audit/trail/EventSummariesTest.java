package dev.upshift.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.events.ApiEvents;
import org.junit.jupiter.api.Test;

class EventSummariesTest {

    @Test
    void givenEveryEventRecordOfTheApiWhenListingKnownTypesThenEachHasASummary() {
        Set<String> events = ApiEvents.all().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(events).hasSizeGreaterThan(40);
        assertThat(EventSummaries.knownTypes()).containsExactlyElementsOf(events);
    }
}
