package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ComposeText.Block;
import dev.upshift.orchestrator.adapters.compose.ComposeText.Line;
import dev.upshift.orchestrator.adapters.compose.ComposeText.WrittenScalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in the text of a compose file, where one service's {@code volumes:} list writes the name of a volume —
 * the {@code source} of {@code source:target[:mode]}, or the value of a long-syntax {@code source:} — so that
 * exactly those characters can be replaced and every other byte kept.
 */
final class VolumeMountLocator {

    private static final Pattern VOLUMES_KEY = ComposeText.key("volumes");
    private static final Pattern SOURCE_KEY = ComposeText.key("source");
    /** A long-syntax entry starts with a key ({@code - type: volume}); a short-syntax one has no blank after its colons. */
    private static final Pattern ANY_KEY = Pattern.compile("(?:[A-Za-z_<][\\w.<-]*|\"[^\"]*\"|'[^']*')[ \\t]*:(?=[ \\t]|$)");

    /** The volume's name, written at {@code [start, end)} of the text in entry {@code entry} (from 0) of the list. */
    record WrittenSource(int entry, int start, int end) {
    }

    private VolumeMountLocator() {
    }

    /** Every entry of the service's own {@code volumes:} block list that names {@code volume} as written. */
    static List<WrittenSource> locate(ComposeText text, String service, String volume) {
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
                        ? inList(lines, i + 1, definition.end(), keyIndent, volume)
                        : List.of();
            }
        }
        return List.of();
    }

    /** A block list may sit at its key's own indent; each {@code -} at the list's indent starts an entry. */
    private static List<WrittenSource> inList(List<Line> lines, int first, int end, int keyIndent, String volume) {
        List<WrittenSource> found = new ArrayList<>();
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
                    inEntry(lines, entry, entryStart, i, volume).ifPresent(found::add);
                }
                entry++;
                entryStart = i;
            }
        }
        if (entry >= 0) {
            inEntry(lines, entry, entryStart, i, volume).ifPresent(found::add);
        }
        return found;
    }

    private static boolean startsEntry(String content, int indent) {
        return content.startsWith("-", indent)
                && (content.length() == indent + 1 || content.charAt(indent + 1) == ' ' || content.charAt(indent + 1) == '\t');
    }

    private static Optional<WrittenSource> inEntry(List<Line> lines, int entry, int first, int end, String volume) {
        Line dashLine = lines.get(first);
        String content = dashLine.content();
        int valueStart = dashLine.indent() + 1;
        while (valueStart < content.length() && (content.charAt(valueStart) == ' ' || content.charAt(valueStart) == '\t')) {
            valueStart++;
        }
        if (valueStart >= content.length() || content.charAt(valueStart) == '#') {
            return sourceInMapping(lines, entry, first + 1, end, -1, volume);
        }
        if (ANY_KEY.matcher(content).region(valueStart, content.length()).lookingAt()) {
            return sourceInMapping(lines, entry, first, end, valueStart, volume);
        }
        return ComposeText.scalarAt(content, valueStart)
                .filter(scalar -> content.startsWith(volume + ":", scalar.valueStart()))
                .map(scalar -> new WrittenSource(entry,
                        dashLine.start() + scalar.valueStart(), dashLine.start() + scalar.valueStart() + volume.length()));
    }

    /** The long syntax: a {@code source:} key among the mapping's own keys, all at one indent. */
    private static Optional<WrittenSource> sourceInMapping(
            List<Line> lines, int entry, int first, int end, int mappingIndent, String volume) {
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
            String content = line.content();
            Matcher sourceKey = SOURCE_KEY.matcher(content).region(keyStart, content.length());
            if (!sourceKey.lookingAt()) {
                continue;
            }
            int valueStart = sourceKey.end();
            while (valueStart < content.length() && (content.charAt(valueStart) == ' ' || content.charAt(valueStart) == '\t')) {
                valueStart++;
            }
            Optional<WrittenScalar> value = ComposeText.scalarAt(content, valueStart);
            if (value.isPresent() && content.substring(value.get().valueStart(), value.get().valueEnd()).equals(volume)) {
                return Optional.of(new WrittenSource(entry,
                        line.start() + value.get().valueStart(), line.start() + value.get().valueEnd()));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }
}
