package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ImageLineLocator.WrittenImage;
import dev.upshift.orchestrator.ports.ComposeFile;
import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.InvalidInput;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@link ComposeFile} on SnakeYAML for reading, and text-level edits for writing so the operator's file keeps its layout. */
public class YamlComposeFile implements ComposeFile {

    /** Image references never hold blanks or control characters; anything else is left for the engine to judge. */
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("\\S+");
    private static final Pattern PLAIN_SAFE_IMAGE = Pattern.compile("[A-Za-z0-9_$][A-Za-z0-9._:/@${}+-]*");
    /** Compose's rule for volume names; written plain or quoted, such a name needs no escaping. */
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    /** An absolute path in the container that needs no quoting or escaping and holds no mode separator. */
    private static final Pattern MOUNT_TARGET = Pattern.compile("/[A-Za-z0-9_./+-]*");
    /** Far above any hand-written stack (SnakeYAML's own default is 3 MB), and still read whole several times per edit. */
    private static final int MAX_BYTES = 64 << 20;

    @Override
    public ComposeProject read(Path file) {
        return parse(file, readText(file));
    }

    @Override
    public String replaceImage(Path file, String service, String newImage) {
        if (newImage == null || !IMAGE_REFERENCE.matcher(newImage).matches()) {
            throw new InvalidInput("image reference '" + newImage + "' is not valid; pass one like postgres:17-alpine");
        }
        String text = readText(file);
        ComposeProject before = parse(file, text);
        String oldImage = imageOf(before, service);
        writeAtomically(file, imageReplaced(file, text, before, service, newImage));
        return oldImage;
    }

    /** Both edits, made in memory only: a file Upshift could not edit is refused at plan, not in the downtime. */
    @Override
    public void rehearseUpgradeEdits(Path file, String service, String newImage, String dataVolume) {
        String text = readText(file);
        Object document = load(file, text);
        ComposeProject project = project(file, document);
        imageOf(project, service);
        imageReplaced(file, text, project, service, newImage);
        if (dataVolume != null) {
            VolumeReplacement.plan(file, document, project, serviceOf(project, service), dataVolume,
                    dataVolume + "_rehearsal").applyTo(text, edited -> load(file, edited));
        }
    }

    private static String imageReplaced(Path file, String text, ComposeProject before, String service, String newImage) {
        WrittenImage written = ImageLineLocator.locate(text, service).orElseThrow(() -> new InvalidInput(
                "compose file " + file + ": the image of service '" + service
                        + "' is not written on its own image: line (anchor, merge key or flow style); change it by hand"));
        String edited = text.substring(0, written.start()) + quoted(newImage, written.quote()) + text.substring(written.end());
        verifyOnlyTheImageChanged(file, before, parse(file, edited), service, newImage);
        return edited;
    }

    @Override
    public void writeServicesCopy(Path file, List<String> services, String project, Path copy) {
        String text = readText(file);
        ComposeProject original = parse(file, text);
        services.forEach(service -> serviceOf(original, service));
        String written = ServiceCopy.of(file, text, services, project);
        parse(copy, written); // what Upshift writes, it must read back
        try {
            Files.writeString(copy, written, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + copy, e);
        }
    }

    @Override
    public void replaceVolume(Path file, String service, String oldVolume, String newVolume) {
        for (String volume : new String[] {oldVolume, newVolume}) {
            if (volume == null || !VOLUME_NAME.matcher(volume).matches()) {
                throw new InvalidInput("volume name '" + volume + "' is not valid; pass one like pg_data_pg17");
            }
        }
        edit(file, (document, project) -> VolumeReplacement.plan(
                file, document, project, serviceOf(project, service), oldVolume, newVolume));
    }

    @Override
    public void replaceMountTarget(Path file, String service, String volume, String newTarget) {
        if (newTarget == null || !MOUNT_TARGET.matcher(newTarget).matches()) {
            throw new InvalidInput("mount target '" + newTarget + "' is not valid; pass an absolute path like /var/lib/postgresql");
        }
        edit(file, (document, project) -> MountTargetReplacement.plan(
                file, document, serviceOf(project, service), volume, newTarget));
    }

    @Override
    public void setEnvironmentPath(Path file, String service, String variable, String path) {
        if (path == null || !MOUNT_TARGET.matcher(path).matches()) {
            throw new InvalidInput(variable + " '" + path + "' is not valid; it must be an absolute path like /var/lib/postgresql/data");
        }
        edit(file, (document, project) -> EnvironmentSetting.plan(file, document, serviceOf(project, service), variable, path));
    }

    /** Plans an edit on the loaded file and writes its result, unless there is nothing left to change. */
    private static void edit(Path file, BiFunction<Object, ComposeProject, ServiceEdit> plan) {
        String text = readText(file);
        Object document = load(file, text);
        ServiceEdit edit = plan.apply(document, project(file, document));
        if (!edit.isDone()) {
            writeAtomically(file, edit.applyTo(text, edited -> load(file, edited)));
        }
    }

    private static ComposeService serviceOf(ComposeProject project, String service) {
        return project.service(service).orElseThrow(() -> new InvalidInput(
                "compose file " + project.file() + " has no service '" + service + "'; its services are "
                        + project.services().stream().map(ComposeService::name).collect(Collectors.joining(", "))));
    }

    private static String imageOf(ComposeProject project, String service) {
        ComposeService found = serviceOf(project, service);
        if (found.image() == null) {
            throw new InvalidInput("compose file " + project.file() + ": service '" + service
                    + "' has no image: (it is built from source); name a service that runs an image");
        }
        return found.image();
    }

    /** Keeps the operator's quoting; a plain value that would not stay one YAML string gets double quotes. */
    private static String quoted(String image, char quote) {
        if (quote == '\'') {
            return "'" + image.replace("'", "''") + "'";
        }
        if (quote == 0 && PLAIN_SAFE_IMAGE.matcher(image).matches()) {
            return image;
        }
        return "\"" + image.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The text edit is checked by reading the result: a wrong match must fail here, not in the operator's stack. */
    private static void verifyOnlyTheImageChanged(
            Path file, ComposeProject before, ComposeProject after, String service, String newImage) {
        List<ComposeService> expected = new ArrayList<>();
        for (ComposeService s : before.services()) {
            expected.add(!s.name().equals(service) ? s
                    : new ComposeService(s.name(), newImage, s.dependsOn(), s.environment(), s.envFiles(), s.volumes(),
                            s.usesExtends()));
        }
        if (!new ComposeProject(file, before.name(), expected, before.volumes()).equals(after)) {
            throw new InvalidInput("compose file " + file + ": the image: line of service '" + service
                    + "' could not be told apart from the rest of the file; change it by hand");
        }
    }

    private static ComposeProject parse(Path file, String text) {
        return project(file, load(file, text));
    }

    private static Object load(Path file, String text) {
        try {
            return yaml().load(text);
        } catch (MarkedYAMLException e) {
            throw new InvalidInput("compose file " + file + " is not valid YAML: " + oneLine(e.getProblem()) + at(e), e);
        } catch (YAMLException e) {
            throw new InvalidInput("compose file " + file + " is not valid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private static ComposeProject project(Path file, Object document) {
        if (!(document instanceof Map<?, ?> topLevel) || !(topLevel.get("services") instanceof Map<?, ?> services)
                || services.isEmpty()) {
            throw new InvalidInput("compose file " + file
                    + " has no services: mapping; pass the stack's docker-compose.yml, which lists its containers under services:");
        }
        ComposeServiceReader reader = new ComposeServiceReader(file);
        List<ComposeService> parsed = new ArrayList<>();
        services.forEach((name, definition) -> parsed.add(reader.read(String.valueOf(name), definition)));
        Object name = topLevel.get("name");
        return new ComposeProject(file, name == null ? null : String.valueOf(name), parsed, declaredVolumes(file, topLevel));
    }

    /** A bare {@code volumes:} declares none. */
    private static List<String> declaredVolumes(Path file, Map<?, ?> topLevel) {
        Object volumes = topLevel.get("volumes");
        if (volumes == null) {
            return List.of();
        }
        if (!(volumes instanceof Map<?, ?> declarations)) {
            throw new InvalidInput("compose file " + file + " has a top-level volumes: that is not a mapping of volume names");
        }
        return declarations.keySet().stream().map(String::valueOf).toList();
    }

    /** One loader per call: SnakeYAML's Yaml is not thread-safe. Duplicate keys are refused, as Compose does. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_BYTES);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new AsWrittenScalarResolver());
    }

    private static String at(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String oneLine(String message) {
        return message == null ? "unreadable content" : message.strip().replaceAll("\\s+", " ");
    }

    private static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInput("compose file " + file + " is a directory; pass the path of the docker-compose.yml inside it");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInput("compose file " + file + " is larger than " + (MAX_BYTES >> 20)
                        + " MB; Upshift reads and edits compose files whole, so it does not take one this large");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInput("compose file " + file + " does not exist; pass the path of the stack's docker-compose.yml", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInput("compose file " + file + " is not UTF-8 text; pass the stack's docker-compose.yml", e);
        } catch (IOException e) {
            throw new InvalidInput("compose file " + file + " cannot be read (" + e.getMessage() + "); check its permissions", e);
        }
    }

    /**
     * Writes next to the file and renames over it, so a crash leaves the old file or the new one, never half of each.
     * A symbolic link is followed, so the link stays a link.
     */
    private static void writeAtomically(Path file, String text) {
        Path temporary = null;
        try {
            Path target = file.toRealPath();
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".upshift");
            PosixFileAttributeView permissions = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (permissions != null) {
                Files.setPosixFilePermissions(temporary, permissions.readAttributes().permissions());
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write compose file " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the rename failed already; that failure is the one worth reporting
            }
        }
    }
}
