package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import dev.upshift.orchestrator.testbed.SampleStack;

/** What every completed upgrade of the sample stack must show, whatever its method. */
final class Upgraded {

    private Upgraded() {
    }

    /** The database on the major, every service healthy, and every row the worker says it committed on the site. */
    static void assertServingWithEveryCommittedRow(SampleStack stack, int major) {
        assertThat(StackFacts.serverMajor(stack)).isEqualTo(major);
        for (String service : new String[] {"db", "api", "worker", "web"}) {
            assertThat(StackFacts.health(stack, service)).as(service).isEqualTo("running/healthy");
        }
        Set<Long> committed = StackFacts.committedByWorker(stack);
        assertThat(committed).hasSizeGreaterThan(10);
        assertThat(StackFacts.siteEventIds(stack)).containsAll(committed);
    }
}
