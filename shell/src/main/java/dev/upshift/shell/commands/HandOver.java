package dev.upshift.shell.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.audit.drive.Drive;
import dev.upshift.audit.drive.DriveClaims;
import dev.upshift.orchestrator.process.ThisProcess;
import dev.upshift.shell.config.NodeTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * {@code --detach}: the command that moves the upgrade names the nodes as its runner, and this process returns at
 * once. It holds the upgrade's drive claim only while it sends, so that no live process drives it meanwhile.
 */
@Component
public class HandOver {

    private final CommandGateway commands;
    private final DriveClaims drives;
    private final NodeTokens nodeTokens;
    private final Upgrades upgrades;
    private final ThisProcess self;
    private final ObjectMapper json;

    public HandOver(CommandGateway commands, DriveClaims drives, NodeTokens nodeTokens, Upgrades upgrades,
                    ThisProcess self, ObjectMapper json) {
        this.commands = commands;
        this.drives = drives;
        this.nodeTokens = nodeTokens;
        this.upgrades = upgrades;
        this.self = self;
        this.json = JsonOutput.indented(json);
    }

    /** Sends the command (its runner {@link ThisProcess#NODES}) and says how to follow the upgrade. */
    public String toTheNodes(String upgradeId, boolean asJson, Object command) throws JsonProcessingException {
        try (Drive handingOver = drives.take(upgradeId, self.name())) {
            nodeTokens.startAtTheHeadIfNew();
            commands.sendAndWait(command);
        }
        String follow = "upshift log " + upgradeId;
        return asJson ? json.writeValueAsString(upgrades.document(upgrades.view(upgradeId)).withNext(follow))
                : "Handed to " + ThisProcess.NODES + ". Follow it with: " + follow + " (or upshift status " + upgradeId + ")";
    }
}
