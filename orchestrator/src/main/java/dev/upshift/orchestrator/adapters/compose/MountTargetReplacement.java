package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ComposeText.TextEdit;
import dev.upshift.orchestrator.adapters.compose.VolumeMountLocator.WrittenPart;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.InvalidInput;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Mounts one service's named volume at another path in the container (18's {@code /var/lib/postgresql} for the
 * pre-18 {@code /var/lib/postgresql/data}): edits the target where the mount writes it, and checks the edit against
 * the document the file must load as afterwards.
 */
final class MountTargetReplacement implements ServiceEdit {

    private final Path file;
    private final Object document;
    private final String service;
    private final String volume;
    private final String newTarget;
    private final boolean targetToMove;

    private MountTargetReplacement(Path file, Object document, String service, String volume, String newTarget,
            boolean targetToMove) {
        this.file = file;
        this.document = document;
        this.service = service;
        this.volume = volume;
        this.newTarget = newTarget;
        this.targetToMove = targetToMove;
    }

    /** @throws InvalidInput when the service does not mount the volume exactly once */
    static MountTargetReplacement plan(Path file, Object document, ComposeService service, String volume,
            String newTarget) {
        List<VolumeMount> mounts = VolumeReplacement.namedMounts(service, volume);
        if (mounts.isEmpty()) {
            throw new InvalidInput("compose file " + file + ": service '" + service.name() + "' does not mount volume '"
                    + volume + "'; " + VolumeReplacement.namedVolumesOf(service));
        }
        if (mounts.size() > 1) {
            throw new InvalidInput("compose file " + file + ": service '" + service.name() + "' mounts volume '" + volume
                    + "' more than once (at " + VolumeReplacement.targets(mounts) + "); change it by hand");
        }
        return new MountTargetReplacement(file, document, service.name(), volume, newTarget,
                !newTarget.equals(mounts.get(0).target()));
    }

    /** True when the volume is mounted at the new target already: nothing to write. */
    @Override
    public boolean isDone() {
        return !targetToMove;
    }

    /**
     * The edited text, checked by loading it: it must load as the old document with exactly the one target changed.
     *
     * @throws InvalidInput when the mount is not written plainly enough to edit
     */
    @Override
    public String applyTo(String text, Function<String, Object> loader) {
        ComposeText composeText = new ComposeText(text);
        List<WrittenPart> targets = VolumeMountLocator.locateTarget(composeText, service, volume);
        if (targets.size() != 1) {
            throw VolumeReplacement.notPlainlyWritten(file, service, volume);
        }
        WrittenPart target = targets.get(0);
        String edited = composeText.apply(List.of(new TextEdit(target.start(), target.end(), newTarget)));
        if (!Objects.equals(expectedDocument(target.entry()), loader.apply(edited))) {
            throw new InvalidInput("compose file " + file + ": the target of volume '" + volume + "' mounted by service '"
                    + service + "' could not be told apart from the rest of the file; change it by hand");
        }
        return edited;
    }

    /** The old document with the one target changed; null when the entry found in the text is not the mount in it. */
    private Object expectedDocument(int entry) {
        Object expected = VolumeReplacement.deepCopy(document);
        List<Object> mounts = expected instanceof Map<?, ?> topLevel ? VolumeReplacement.mountsOf(topLevel, service) : null;
        if (mounts == null || entry < 0 || entry >= mounts.size()) {
            return null;
        }
        Object mount = mounts.get(entry);
        if (mount instanceof String shortSyntax && shortSyntax.startsWith(volume + ":")) {
            String afterSource = shortSyntax.substring(volume.length() + 1);
            int mode = afterSource.indexOf(':');
            mounts.set(entry, volume + ":" + newTarget + (mode < 0 ? "" : afterSource.substring(mode)));
        } else if (mount instanceof Map<?, ?> longSyntax && volume.equals(longSyntax.get("source"))) {
            Map<Object, Object> moved = new LinkedHashMap<>(longSyntax);
            moved.put("target", newTarget);
            mounts.set(entry, moved);
        } else {
            return null;
        }
        return expected;
    }
}
