package dev.upshift.audit.drive;

import dev.upshift.orchestrator.ports.InvalidInput;

/** Another live process drives the upgrade: this one changes nothing and says who, and how to follow it. */
public class DrivenElsewhere extends InvalidInput {

    public DrivenElsewhere(String message) {
        super(message);
    }
}
