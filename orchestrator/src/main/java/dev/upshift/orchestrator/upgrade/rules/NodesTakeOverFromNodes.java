package dev.upshift.orchestrator.upgrade.rules;

import dev.upshift.orchestrator.process.ThisProcess;

/**
 * An upgrade handed to the nodes is taken over by another node when its node dies (Axon's token claims), never by
 * a one-shot process, which could not tell a node that died from one busy with a long step.
 */
public record NodesTakeOverFromNodes(String upgradeId, String runner, String asking) implements DomainRule {

    @Override
    public boolean isViolated() {
        return ThisProcess.NODES.equals(runner) && !ThisProcess.NODES.equals(asking);
    }

    @Override
    public String message() {
        return "upgrade " + upgradeId + " is driven by " + ThisProcess.NODES + ", which take it over from one another; "
                + "follow it with `upshift log " + upgradeId + "`, or start a node with `upshift serve`";
    }
}
