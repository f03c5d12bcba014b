package dev.upshift.shell.commands;

import dev.upshift.audit.drive.Drive;
import dev.upshift.audit.drive.DriveClaims;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import dev.upshift.orchestrator.process.ThisProcess;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Drives an upgrade from this process — refused, changing nothing, while another live process drives it — by sending
 * the command, then prints the steps as they happen while it waits for the rest the upgrade reaches.
 */
@Component
public class Driving {

    private final CommandGateway commands;
    private final UpgradeProgress progress;
    private final ThisProcess self;
    private final StepFollowing following;
    private final DriveClaims drives;

    public Driving(CommandGateway commands, UpgradeProgress progress, ThisProcess self, StepFollowing following,
                   DriveClaims drives) {
        this.commands = commands;
        this.progress = progress;
        this.self = self;
        this.following = following;
        this.drives = drives;
    }

    /**
     * @param whileWaiting what else must be kept alive meanwhile (a rehearsal's claim on the upgrade it rehearses)
     * @return the upgrade at its rest: a gate, a pause or an end
     */
    public UpgradeView drive(String upgradeId, boolean asJson, Object command, Runnable whileWaiting) {
        try (Drive drive = drives.take(upgradeId, self.name())) {
            StepFollower steps = following.follow(upgradeId, asJson);
            commands.sendAndWait(command);
            UpgradeView view = progress.await(upgradeId, upgrade -> upgrade.status().resting(),
                    "a rest (a gate, a pause or an end)", () -> {
                        steps.poll();
                        drive.keepAlive();
                        whileWaiting.run();
                    });
            steps.finish();
            return view;
        }
    }
}
