package dev.upshift.orchestrator.upcasting;

import dev.upshift.orchestrator.api.events.ComposeFileUpdated;
import org.springframework.stereotype.Component;

/**
 * {@link ComposeFileUpdated} 1 → 2: {@code previousDataLayout} and {@code dataLayout}, null before: the mount was
 * kept where it was.
 */
@Component
public class ComposeFileUpdated1_to_2Upcaster extends OneRevisionUpcaster {

    public ComposeFileUpdated1_to_2Upcaster() {
        super(ComposeFileUpdated.class, 1, payload -> {
            payload.putNull("previousDataLayout");
            payload.putNull("dataLayout");
        });
    }
}
