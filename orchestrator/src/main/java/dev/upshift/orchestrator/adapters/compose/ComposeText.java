package dev.upshift.orchestrator.adapters.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A compose file's text as lines, with just enough YAML sense to find a block and the value written on a line,
 * so that an edit can change exactly those characters; whatever it cannot read plainly, it does not find.
 */
final class ComposeText {

    private static final Pattern SERVICES_KEY = key("services");

    /** One line without its terminator; {@code next} is where the following line starts (the text's length for the last). */
    record Line(int start, int next, String content) {

        int indent() {
            int indent = 0;
            while (indent < content.length() && content.charAt(indent) == ' ') {
                indent++;
            }
            return indent;
        }

        boolean holdsNoKey() {
            String stripped = content.strip();
            return stripped.isEmpty() || stripped.startsWith("#");
        }

        boolean isBlank() {
            return content.isBlank();
        }

        boolean hasTerminator() {
            return next > start + content.length();
        }
    }

    /** The lines {@code [first, end)} inside a block, below its key line. */
    record Block(int first, int end) {
    }

    /** A one-line scalar written at {@code [start, end)} of a line, quoted as {@code quote} (0 when plain). */
    record WrittenScalar(int start, int end, char quote) {

        int valueStart() {
            return quote == 0 ? start : start + 1;
        }

        int valueEnd() {
            return quote == 0 ? end : end - 1;
        }
    }

    /** Replaces {@code [start, end)} of the text; an insertion has {@code start == end}. */
    record TextEdit(int start, int end, String replacement) {
    }

    private final String text;
    private final List<Line> lines;

    ComposeText(String text) {
        this.text = text;
        this.lines = split(text);
    }

    List<Line> lines() {
        return lines;
    }

    int length() {
        return text.length();
    }

    boolean endsWithLineEnding() {
        return text.endsWith("\n");
    }

    /** The file's own line ending, so inserted lines look like their neighbours. */
    String lineEnding() {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    /** Applies edits that do not overlap, from the last to the first so earlier offsets stay valid. */
    String apply(List<TextEdit> edits) {
        StringBuilder edited = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(TextEdit::start).reversed())
                .forEach(edit -> edited.replace(edit.start(), edit.end(), edit.replacement()));
        return edited.toString();
    }

    /** A key as Compose files write it: plain, double- or single-quoted, followed by a colon. */
    static Pattern key(String name) {
        String quoted = Pattern.quote(name);
        return Pattern.compile("(?:" + quoted + "|\"" + quoted + "\"|'" + quoted + "')[ \\t]*:(?=[ \\t]|$)");
    }

    /** The index of the top-level line holding {@code key}, or -1. */
    int topLevelKey(Pattern key) {
        for (int i = 0; i < lines.size(); i++) {
            if (key.matcher(lines.get(i).content()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /** How deep the services are indented under {@code services:}, or -1 when the file has no such block. */
    int serviceIndent() {
        int servicesLine = topLevelKey(SERVICES_KEY);
        if (servicesLine < 0) {
            return -1;
        }
        for (int i = servicesLine + 1; i < lines.size(); i++) {
            if (!lines.get(i).holdsNoKey()) {
                return lines.get(i).indent();
            }
        }
        return -1;
    }

    /** The lines of one service's definition, found by its key directly under {@code services:}. */
    Optional<Block> serviceBlock(String service) {
        int servicesLine = topLevelKey(SERVICES_KEY);
        int serviceIndent = serviceIndent();
        if (servicesLine < 0 || serviceIndent <= 0
                || !restOfLineIsEmpty(lines.get(servicesLine).content(), SERVICES_KEY)) {
            return Optional.empty();
        }
        Pattern serviceKey = key(service);
        for (int i = servicesLine + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            int indent = line.indent();
            if (indent < serviceIndent) {
                return Optional.empty();
            }
            String atIndent = line.content().substring(indent);
            if (indent == serviceIndent && serviceKey.matcher(atIndent).lookingAt()) {
                return restOfLineIsEmpty(atIndent, serviceKey) ? Optional.of(block(i, serviceIndent)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A block runs until the next line holding a key indented no deeper than its own key. */
    private Block block(int keyLine, int keyIndent) {
        int end = keyLine + 1;
        while (end < lines.size() && (lines.get(end).holdsNoKey() || lines.get(end).indent() > keyIndent)) {
            end++;
        }
        return new Block(keyLine + 1, end);
    }

    /**
     * True when only blanks or a comment follow the key: the value is a block on the next lines, not an anchor,
     * alias, tag or flow collection written after the key.
     */
    static boolean restOfLineIsEmpty(String content, Pattern key) {
        var matcher = key.matcher(content);
        return matcher.lookingAt() && content.substring(matcher.end()).matches("[ \\t]*(?:#.*)?");
    }

    /** The scalar written at {@code start} of a line when it is the line's whole value, comments aside. */
    static Optional<WrittenScalar> scalarAt(String content, int start) {
        if (start >= content.length()) {
            return Optional.empty();
        }
        char first = content.charAt(start);
        int end;
        if (first == '"') {
            end = endOfDoubleQuoted(content, start);
        } else if (first == '\'') {
            end = endOfSingleQuoted(content, start);
        } else if ("#|>&*![]{},%@`".indexOf(first) >= 0) {
            // a comment, block scalar, anchor, alias, tag or flow collection is not a one-line scalar
            return Optional.empty();
        } else {
            end = endOfPlain(content, start);
        }
        if (end < 0 || !content.substring(end).matches("[ \\t]*(?:#.*)?")) {
            return Optional.empty();
        }
        return Optional.of(new WrittenScalar(start, end, first == '"' || first == '\'' ? first : 0));
    }

    private static int endOfDoubleQuoted(String content, int start) {
        for (int i = start + 1; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    private static int endOfSingleQuoted(String content, int start) {
        for (int i = start + 1; i < content.length(); i++) {
            if (content.charAt(i) == '\'') {
                if (i + 1 < content.length() && content.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** A plain value ends where a comment starts (a # after blank space), trailing blanks excluded. */
    private static int endOfPlain(String content, int start) {
        int end = content.length();
        for (int i = start + 1; i < content.length(); i++) {
            char previous = content.charAt(i - 1);
            if (content.charAt(i) == '#' && (previous == ' ' || previous == '\t')) {
                end = i;
                break;
            }
        }
        while (end > start && (content.charAt(end - 1) == ' ' || content.charAt(end - 1) == '\t')) {
            end--;
        }
        return end;
    }

    /** Lines without their terminators (LF or CRLF), each with its offset in the text; a leading BOM is not content. */
    private static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new Line(start, newline < 0 ? text.length() : newline + 1, text.substring(start, contentEnd)));
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }
}
