package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ComposeText.Line;
import dev.upshift.orchestrator.adapters.compose.ComposeText.TextEdit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds where, in the text of a compose file, a new top-level volume declaration goes: a {@code name:} line after
 * the last declared volume, indented like its siblings, or a new {@code volumes:} block at the end of the file.
 */
final class VolumeDeclarationLocator {

    private static final Pattern VOLUMES_KEY = ComposeText.key("volumes");
    private static final int DEFAULT_INDENT = 2;

    private VolumeDeclarationLocator() {
    }

    /** The insertion declaring {@code volume}, or empty when the top-level volumes: is not a plain block mapping. */
    static Optional<TextEdit> declare(ComposeText text, String volume) {
        List<Line> lines = text.lines();
        String lineEnding = text.lineEnding();
        int volumesLine = text.topLevelKey(VOLUMES_KEY);
        if (volumesLine < 0) {
            return Optional.of(newBlockAtTheEnd(text, volume));
        }
        if (!ComposeText.restOfLineIsEmpty(lines.get(volumesLine).content(), VOLUMES_KEY)) {
            return Optional.empty();
        }
        int entryIndent = -1;
        int last = volumesLine;
        // the block runs to the next top-level key; a comment at column 0 inside it belongs to what follows
        for (int i = volumesLine + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.content().charAt(0))) {
                if (line.holdsNoKey()) {
                    continue;
                }
                break;
            }
            if (entryIndent < 0 && !line.holdsNoKey()) {
                entryIndent = line.indent();
            }
            last = i;
        }
        String declaration = " ".repeat(entryIndent > 0 ? entryIndent : indentOfServices(text)) + volume + ":";
        Line after = lines.get(last);
        if (after.hasTerminator()) {
            return Optional.of(new TextEdit(after.next(), after.next(), declaration + lineEnding));
        }
        return Optional.of(new TextEdit(after.next(), after.next(), lineEnding + declaration));
    }

    /** Set apart by a blank line, as top-level blocks usually are; a file without a final newline keeps none. */
    private static TextEdit newBlockAtTheEnd(ComposeText text, String volume) {
        String lineEnding = text.lineEnding();
        List<Line> lines = text.lines();
        String block = "volumes:" + lineEnding + " ".repeat(indentOfServices(text)) + volume + ":";
        String edit;
        if (text.endsWithLineEnding()) {
            boolean blankBefore = lines.size() < 2 || lines.get(lines.size() - 2).isBlank();
            edit = (blankBefore ? "" : lineEnding) + block + lineEnding;
        } else {
            edit = lineEnding + (lines.get(lines.size() - 1).isBlank() ? "" : lineEnding) + block;
        }
        return new TextEdit(text.length(), text.length(), edit);
    }

    private static int indentOfServices(ComposeText text) {
        int indent = text.serviceIndent();
        return indent > 0 ? indent : DEFAULT_INDENT;
    }
}
