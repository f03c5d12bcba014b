package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ComposeText.TextEdit;
import dev.upshift.orchestrator.adapters.compose.VolumeMountLocator.WrittenPart;
import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.InvalidInput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves one service's mount of a named volume to another named volume: decides from the loaded file what is
 * left to change, edits the text, and checks the edit against the document the file must load as afterwards.
 */
final class VolumeReplacement implements ServiceEdit {

    private final Path file;
    private final Object document;
    private final String service;
    private final String oldVolume;
    private final String newVolume;
    private final boolean mountToMove;
    private final boolean declarationToAdd;

    private VolumeReplacement(Path file, Object document, String service, String oldVolume, String newVolume,
            boolean mountToMove, boolean declarationToAdd) {
        this.file = file;
        this.document = document;
        this.service = service;
        this.oldVolume = oldVolume;
        this.newVolume = newVolume;
        this.mountToMove = mountToMove;
        this.declarationToAdd = declarationToAdd;
    }

    /** @throws InvalidInput when the service does not mount the old volume once, or a declaration renames a volume */
    static VolumeReplacement plan(Path file, Object document, ComposeProject project, ComposeService service,
            String oldVolume, String newVolume) {
        List<VolumeMount> ofOld = namedMounts(service, oldVolume);
        List<VolumeMount> ofNew = namedMounts(service, newVolume);
        boolean mountToMove = !oldVolume.equals(newVolume) && !ofOld.isEmpty();
        if (!mountToMove && ofNew.isEmpty()) {
            throw new InvalidInput("compose file " + file + ": service '" + service.name() + "' does not mount volume '"
                    + oldVolume + "'; " + namedVolumesOf(service));
        }
        if (mountToMove && ofOld.size() > 1) {
            throw new InvalidInput("compose file " + file + ": service '" + service.name() + "' mounts volume '" + oldVolume
                    + "' more than once (at " + targets(ofOld) + "); change it by hand");
        }
        if (mountToMove && !ofNew.isEmpty()) {
            throw new InvalidInput("compose file " + file + ": service '" + service.name() + "' mounts both '" + oldVolume
                    + "' (at " + targets(ofOld) + ") and '" + newVolume + "' (at " + targets(ofNew) + "); change it by hand");
        }
        if (mountToMove) {
            refuseRenamedDeclaration(file, document, oldVolume);
            refuseRenamedDeclaration(file, document, newVolume);
        }
        return new VolumeReplacement(file, document, service.name(), oldVolume, newVolume, mountToMove,
                !project.volumes().contains(newVolume));
    }

    /** True when the service already mounts the new volume and the file declares it: nothing to write. */
    @Override
    public boolean isDone() {
        return !mountToMove && !declarationToAdd;
    }

    /**
     * The edited text, checked by loading it: it must load as the old document with exactly the one mount and the
     * one declaration changed, so a wrong match fails here, not in the operator's stack.
     *
     * @throws InvalidInput when the mount or the top-level volumes: are not written plainly enough to edit
     */
    @Override
    public String applyTo(String text, Function<String, Object> loader) {
        ComposeText composeText = new ComposeText(text);
        List<TextEdit> edits = new ArrayList<>();
        int movedEntry = -1;
        if (mountToMove) {
            List<WrittenPart> sources = VolumeMountLocator.locate(composeText, service, oldVolume);
            if (sources.size() != 1) {
                throw notPlainlyWritten(file, service, oldVolume);
            }
            movedEntry = sources.get(0).entry();
            edits.add(new TextEdit(sources.get(0).start(), sources.get(0).end(), newVolume));
        }
        if (declarationToAdd) {
            edits.add(VolumeDeclarationLocator.declare(composeText, newVolume).orElseThrow(() -> new InvalidInput(
                    "compose file " + file + ": the top-level volumes: is not a block of one volume per line"
                            + " (anchor, alias or flow style); declare '" + newVolume + "' there by hand")));
        }
        String edited = composeText.apply(edits);
        if (!Objects.equals(expectedDocument(movedEntry), loader.apply(edited))) {
            throw new InvalidInput("compose file " + file + ": the mount of volume '" + oldVolume + "' by service '"
                    + service + "' could not be told apart from the rest of the file; change it by hand");
        }
        return edited;
    }

    /** The old document with the planned changes; null when the entry found in the text is not the mount in it. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> expectedDocument(int movedEntry) {
        if (!(deepCopy(document) instanceof Map<?, ?> copy)) {
            return null;
        }
        Map<Object, Object> expected = (Map<Object, Object>) copy;
        if (mountToMove && !moveMount(expected, movedEntry)) {
            return null;
        }
        if (declarationToAdd) {
            Map<Object, Object> volumes = expected.get("volumes") instanceof Map<?, ?> declared
                    ? (Map<Object, Object>) declared : new LinkedHashMap<>();
            volumes.put(newVolume, null);
            expected.put("volumes", volumes);
        }
        return expected;
    }

    private boolean moveMount(Map<?, ?> topLevel, int movedEntry) {
        List<Object> volumes = mountsOf(topLevel, service);
        if (volumes == null || movedEntry < 0 || movedEntry >= volumes.size()) {
            return false;
        }
        Object entry = volumes.get(movedEntry);
        Object moved = null;
        if (entry instanceof String shortSyntax && shortSyntax.startsWith(oldVolume + ":")) {
            moved = newVolume + shortSyntax.substring(oldVolume.length());
        } else if (entry instanceof Map<?, ?> longSyntax && oldVolume.equals(longSyntax.get("source"))
                && (longSyntax.get("type") == null || "volume".equals(longSyntax.get("type")))) {
            Map<Object, Object> withNewSource = new LinkedHashMap<>(longSyntax);
            withNewSource.put("source", newVolume);
            moved = withNewSource;
        }
        if (moved == null) {
            return false;
        }
        volumes.set(movedEntry, moved);
        return true;
    }

    /** The service's {@code volumes:} list in a loaded document, or null when it has none. */
    @SuppressWarnings("unchecked")
    static List<Object> mountsOf(Map<?, ?> topLevel, String service) {
        if (topLevel.get("services") instanceof Map<?, ?> services
                && services.get(service) instanceof Map<?, ?> definition
                && definition.get("volumes") instanceof List<?> volumes) {
            return (List<Object>) volumes;
        }
        return null;
    }

    static InvalidInput notPlainlyWritten(Path file, String service, String volume) {
        return new InvalidInput("compose file " + file + ": the mount of volume '" + volume + "' by service '" + service
                + "' is not written on its own line of the service's volumes: list (anchor, merge key or flow style);"
                + " change it by hand");
    }

    /** Compose names a volume declared external: or with name: after that setting, so the new one would not match. */
    private static void refuseRenamedDeclaration(Path file, Object document, String volume) {
        if (document instanceof Map<?, ?> topLevel && topLevel.get("volumes") instanceof Map<?, ?> volumes
                && volumes.get(volume) instanceof Map<?, ?> declaration) {
            Object external = declaration.get("external");
            String setting = external != null && !"false".equals(external) ? "external:"
                    : declaration.get("name") != null ? "name:" : null;
            if (setting != null) {
                throw new InvalidInput("compose file " + file + ": volume '" + volume + "' is declared with " + setting
                        + ", so Upshift cannot tell which volume the operator expects there; change it by hand");
            }
        }
    }

    static List<VolumeMount> namedMounts(ComposeService service, String volume) {
        return service.volumes().stream().filter(mount -> mount.named() && volume.equals(mount.source())).toList();
    }

    static String namedVolumesOf(ComposeService service) {
        List<String> named = service.volumes().stream().filter(VolumeMount::named).map(VolumeMount::source).toList();
        return named.isEmpty() ? "it mounts no named volume" : "it mounts " + String.join(", ", named);
    }

    static String targets(List<VolumeMount> mounts) {
        return mounts.stream().map(VolumeMount::target).collect(Collectors.joining(", "));
    }

    /** Aliases become copies, so a change through one of them shows up as a difference instead of hiding in both. */
    static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, deepCopy(value)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(element -> copy.add(deepCopy(element)));
            return copy;
        }
        return node;
    }
}
