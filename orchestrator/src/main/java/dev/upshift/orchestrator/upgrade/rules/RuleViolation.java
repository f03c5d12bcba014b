package dev.upshift.orchestrator.upgrade.rules;

/** A command was refused by a named rule; nothing was recorded. */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
