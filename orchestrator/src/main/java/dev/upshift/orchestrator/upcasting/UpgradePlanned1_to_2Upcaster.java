package dev.upshift.orchestrator.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import org.springframework.stereotype.Component;

/**
 * {@link UpgradePlanned} 1 → 2: the plan gained pg-upgrade's {@code upgradeImage} and {@code transfer}, null before,
 * and {@code snapshot}, which was always {@code keep}.
 */
@Component
public class UpgradePlanned1_to_2Upcaster extends OneRevisionUpcaster {

    public UpgradePlanned1_to_2Upcaster() {
        super(UpgradePlanned.class, 1, payload -> {
            ObjectNode plan = (ObjectNode) payload.get("plan");
            plan.putNull("upgradeImage");
            plan.putNull("transfer");
            plan.put("snapshot", UpgradePlan.KEEP);
        });
    }
}
