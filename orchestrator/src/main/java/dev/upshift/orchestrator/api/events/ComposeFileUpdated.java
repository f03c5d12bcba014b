package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import org.axonframework.serialization.Revision;

/**
 * 2.1: the compose file names the target image and the new data volume; the original is kept beside it.
 *
 * @param previousDataLayout the database's mount of its data volume and PGDATA before (null in revision 1)
 * @param dataLayout the new server's: the previous one, or the target image's where its volume covers the previous
 *        mount (18+), the mount moved in the file (null in revision 1, which kept the mount as it was)
 */
@Revision("2")
public record ComposeFileUpdated(String upgradeId, Step step, String file, String originalCopy, String previousImage,
                                 String image, String previousVolume, String volume, DataLayout previousDataLayout,
                                 DataLayout dataLayout) implements StepOutcome {
}
