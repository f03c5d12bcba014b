package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.RunPaused;
import org.springframework.stereotype.Component;

/** {@link RunPaused} 1 → 2: {@code afterPhase} (a phase number) became {@code after}, a phase or a step as text. */
@Component
public class RunPaused1_to_2Upcaster extends PhaseNumberToTextUpcaster {

    public RunPaused1_to_2Upcaster() {
        super(RunPaused.class, "afterPhase", "after");
    }
}
