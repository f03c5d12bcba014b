package dev.upshift.orchestrator.steps;

import java.util.List;
import java.util.Optional;

import dev.upshift.orchestrator.api.Baseline;
import dev.upshift.orchestrator.api.Retention;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.BaselineCaptured;
import dev.upshift.orchestrator.api.events.UpgradePlanned;

/** What an upgrade's events say so far, read from the store so that any process can run the next step. */
public record UpgradeHistory(List<Object> events) {

    public UpgradeHistory {
        events = List.copyOf(events);
    }

    public String upgradeId() {
        return planned().upgradeId();
    }

    public UpgradePlan plan() {
        return planned().plan();
    }

    private UpgradePlanned planned() {
        return last(UpgradePlanned.class).orElseThrow(() -> new IllegalStateException("an upgrade without a plan"));
    }

    /** The latest event of a type; the step that needs it cannot run without it. */
    public <T> T required(Class<T> type) {
        return last(type).orElseThrow(() -> new StepFailure("the history has no " + type.getSimpleName()
                + " yet: an earlier step has not run"));
    }

    public <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** What the upgrade keeps after completion, and what was removed, as its events say. */
    public Retention retention() {
        Retention retention = new Retention();
        events.forEach(retention::apply);
        return retention;
    }

    public Optional<Baseline> baseline() {
        return last(BaselineCaptured.class).map(BaselineCaptured::baseline);
    }

    /** The latest event of a type, if the upgrade has one. */
    public <T> Optional<T> last(Class<T> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return Optional.of(type.cast(events.get(i)));
            }
        }
        return Optional.empty();
    }
}
