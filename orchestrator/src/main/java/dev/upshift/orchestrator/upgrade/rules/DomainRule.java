package dev.upshift.orchestrator.upgrade.rules;

/** A business rule the Upgrade aggregate checks before it decides; its message is what the operator reads. */
public interface DomainRule {

    boolean isViolated();

    String message();

    default void verify() {
        if (isViolated()) {
            throw new RuleViolation(getClass().getSimpleName(), message());
        }
    }
}
