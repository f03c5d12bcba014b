package dev.upshift.orchestrator.api.events;

import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.TargetImageContents;
import java.util.List;
import java.util.Optional;

import org.axonframework.serialization.Revision;

/**
 * 0.4: the target image is present, runs a newer major version and has every extension the database uses.
 *
 * @param dataLayout where the image keeps its cluster (its VOLUME and PGDATA); null when it declares none, and in
 *        events of revision 1, which did not look
 * @param libcVersion glibc's version in the image; null when it is not glibc, and in events of revision 2 or earlier
 * @param libraries with {@code libcVersion}, {@code extensionFiles} and {@code locales}, what the image ships, which
 *        0.5 judges; null in events of revision 2 or earlier, which did not list it
 */
@Revision("3")
public record CompatibilityChecked(String upgradeId, Step step, String targetImage, String imageId, String serverVersion,
                                   List<String> extensions, DataLayout dataLayout, String libcVersion,
                                   List<String> libraries, List<String> extensionFiles, List<String> locales)
        implements StepOutcome {

    /** What the image ships; empty when an earlier Upshift recorded this event without listing it. */
    public Optional<TargetImageContents> contents() {
        return libraries == null ? Optional.empty()
                : Optional.of(new TargetImageContents(serverVersion, libcVersion, libraries, extensionFiles, locales));
    }
}
