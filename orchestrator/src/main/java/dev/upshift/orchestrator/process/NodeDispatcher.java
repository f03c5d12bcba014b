package dev.upshift.orchestrator.process;

import dev.upshift.orchestrator.api.commands.RunStep;
import dev.upshift.orchestrator.api.events.StepDue;
import dev.upshift.orchestrator.upgrade.rules.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In an {@code upshift serve} node: runs the steps due for the nodes, on the segments of the store's event stream
 * this node has claimed (a streaming processor, events of one upgrade in one segment). It waits for each step to
 * end, so that the segment's token passes a {@link StepDue} only once its step is over: a node that dies mid-step
 * leaves the token before it, and the node that claims the segment next runs the step again — which checks the
 * world and finishes it, as {@code resume} does. A step due long ago (history read by a new node, a step another
 * node finished before this one died) is refused by the aggregate and passed over.
 */
@Component
@Profile("serve")
@ProcessingGroup(NodeDispatcher.PROCESSING_GROUP)
public class NodeDispatcher {

    public static final String PROCESSING_GROUP = "Automation_NodeDispatcher";
    private static final Logger log = LoggerFactory.getLogger(NodeDispatcher.class);

    private final CommandGateway commands;

    public NodeDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(StepDue due) {
        if (!ThisProcess.NODES.equals(due.runner())) {
            return;
        }
        log.info("running step {} of {}", due.step().number(), due.upgradeId());
        try {
            commands.sendAndWait(new RunStep(due.upgradeId(), due.step(), due.runner()));
        } catch (RuleViolation noLongerDue) {
            log.info("step {} of {} is no longer due: {}", due.step().number(), due.upgradeId(), noLongerDue.getMessage());
        }
    }
}
