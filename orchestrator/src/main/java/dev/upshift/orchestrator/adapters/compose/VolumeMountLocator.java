package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ComposeText.Block;
import dev.upshift.orchestrator.adapters.compose.ComposeText.Line;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in the text of a compose file, where one service's {@code volumes:} list writes the name of a volume —
 * the {@code source} of {@code source:target[:mode]}, or the value of a long-syntax {@code source:} — or the
 * target that mount has, so that exactly those characters can be replaced and every other byte kept.
 */
final class VolumeMountLocator {

    private static final Pattern VOLUMES_KEY = ComposeText.key("volumes");
    private static final Pattern SOURCE_KEY = ComposeText.key("source");
    private static final Pattern TARGET_KEY = ComposeText.key("target");
    /** A long-syntax entry starts with a key ({@code - type: volume}); a short-syntax one has no blank after its colons. */
    private static final Pattern ANY_KEY = Pattern.compile("(?:[A-Za-z_<][\\w.<-]*|\"[^\"]*\"|'[^']*')[ \\t]*:(?=[ \\t]|$)");

    /** A part of the mount written at {@code [start, end)} of the text in entry {@code entry} (from 0) of the list. */
    record WrittenPart(int entry, int start, int end) {
    }

    /** Which part of a mount of the volume to find. */
    enum Part { SOURCE, TARGET }

    private VolumeMountLocator() {
    }

    /** Every entry of the service's own {@code volumes:} block list that names {@code volume} as written. */
    static List<WrittenPart> locate(ComposeText text, String service, String volume) {
        return locate(text, service, volume, Part.SOURCE);
    }

    /** The target of every such entry, as written. */
    static List<WrittenPart> locateTarget(ComposeText text, String service, String volume) {
        return locate(text, service, volume, Part.TARGET);
    }

    private static List<WrittenPart> locate(ComposeText text, String service, String volume, Part part) {
        Optional<Block> serviceBlock = text.serviceBlock(service);
        if (serviceBlock.isEmpty()) {
            return List.of();
        }
        List<Line> lines = text.lines();
        Block definition = serviceBlock.get();
        int keyIndent = -1;
        for (int i = definition.first(); i < definition.end(); i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            if (keyIndent < 0) {
                keyIndent = line.indent();
            }
            String atIndent = line.content().substring(line.indent());
            if (line.indent() == keyIndent && VOLUMES_KEY.matcher(atIndent).lookingAt()) {
                return ComposeText.restOfLineIsEmpty(atIndent, VOLUMES_KEY)
                        ? inList(lines, i + 1, definition.end(), keyIndent, volume, part)
                        : List.of();
            }
        }
        return List.of();
    }

    /** A block list may sit at its key's own indent; each {@code -} at the list's indent starts an entry. */
    private static List<WrittenPart> inList(List<Line> lines, int first, int end, int keyIndent, String volume,
                                            Part part) {
        List<WrittenPart> found = new ArrayList<>();
        int listIndent = -1;
        int entry = -1;
        int entryStart = -1;
        int i = first;
        for (; i < end; i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            int indent = line.indent();
            boolean dash = startsEntry(line.content(), indent);
            if (listIndent < 0) {
                if (!dash || indent < keyIndent) {
                    return found;
                }
                listIndent = indent;
            }
            if (indent < listIndent || (indent == listIndent && !dash)) {
                break;
            }
            if (indent == listIndent) {
                if (entry >= 0) {
                    inEntry(lines, entry, entryStart, i, volume, part).ifPresent(found::add);
                }
                entry++;
                entryStart = i;
            }
        }
        if (entry >= 0) {
            inEntry(lines, entry, entryStart, i, volume, part).ifPresent(found::add);
        }
        return found;
    }

    private static boolean startsEntry(String content, int indent) {
        return content.startsWith("-", indent)
                && (content.length() == indent + 1 || content.charAt(indent + 1) == ' ' || content.charAt(indent + 1) == '\t');
    }

    private static Optional<WrittenPart> inEntry(List<Line> lines, int entry, int first, int end, String volume, Part part) {
        Line dashLine = lines.get(first);
        String content = dashLine.content();
        int valueStart = dashLine.indent() + 1;
        while (valueStart < content.length() && (content.charAt(valueStart) == ' ' || content.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        if (valueStart >= content.length() || content.charAt(valueStart) == '#') {
            return inMapping(lines, entry, first + 1, end, -1, volume, part);
        }
        if (ANY_KEY.matcher(content).region(valueStart, content.length()).lookingAt()) {
            return inMapping(lines, entry, first, end, valueStart, volume, part);
        }
        return ComposeText.scalarAt(content, valueStart)
                .filter(scalar -> content.startsWith(volume + ":", scalar.valueStart()))
                .map(scalar -> {
                    int source = scalar.valueStart();
                    int target = source + volume.length() + 1;
                    int mode = content.indexOf(':', target);
                    int targetEnd = mode < 0 || mode > scalar.valueEnd() ? scalar.valueEnd() : mode;
                    return part == Part.SOURCE
                            ? new WrittenPart(entry, dashLine.start() + source, dashLine.start() + target - 1)
                            : new WrittenPart(entry, dashLine.start() + target, dashLine.start() + targetEnd);
                });
    }

    /** The long syntax: {@code source:} and {@code target:} among the mapping's own keys, all at one indent. */
    private static Optional<WrittenPart> inMapping(
            List<Line> lines, int entry, int first, int end, int mappingIndent, String volume, Part part) {
        boolean ofTheVolume = false;
        Optional<WrittenPart> target = Optional.empty();
        for (int i = first; i < end; i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            if (mappingIndent < 0) {
                mappingIndent = line.indent();
            }
            // the dash line's key sits after "- ", every later key at that same column
            int keyStart = i == first && line.indent() < mappingIndent ? mappingIndent : line.indent();
            if (keyStart != mappingIndent) {
                continue;
            }
            Optional<WrittenPart> source = valueOf(SOURCE_KEY, line, keyStart, entry);
            if (source.isPresent()) {
                WrittenPart written = source.get();
                ofTheVolume = line.content().substring(written.start() - line.start(), written.end() - line.start())
                        .equals(volume);
                if (!ofTheVolume) {
                    return Optional.empty();
                }
                if (part == Part.SOURCE) {
                    return source;
                }
            }
            Optional<WrittenPart> targetHere = valueOf(TARGET_KEY, line, keyStart, entry);
            if (targetHere.isPresent()) {
                target = targetHere;
            }
        }
        return ofTheVolume ? target : Optional.empty();
    }

    /** The one-line scalar after {@code key} at {@code keyStart} of the line, without its quotes. */
    private static Optional<WrittenPart> valueOf(Pattern key, Line line, int keyStart, int entry) {
        String content = line.content();
        Matcher found = key.matcher(content).region(keyStart, content.length());
        if (!found.lookingAt()) {
            return Optional.empty();
        }
        int valueStart = found.end();
        while (valueStart < content.length() && (content.charAt(valueStart) == ' ' || content.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        return ComposeText.scalarAt(content, valueStart).map(value ->
                new WrittenPart(entry, line.start() + value.valueStart(), line.start() + value.valueEnd()));
    }
}
