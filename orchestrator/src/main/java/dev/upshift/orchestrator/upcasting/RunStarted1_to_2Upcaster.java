package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.RunStarted;
import org.springframework.stereotype.Component;

/**
 * {@link RunStarted} 1 → 2: {@code untilPhase} (a phase number or null) became {@code until}, a phase or a step as
 * text.
 */
@Component
public class RunStarted1_to_2Upcaster extends PhaseNumberToTextUpcaster {

    public RunStarted1_to_2Upcaster() {
        super(RunStarted.class, "untilPhase", "until");
    }
}
