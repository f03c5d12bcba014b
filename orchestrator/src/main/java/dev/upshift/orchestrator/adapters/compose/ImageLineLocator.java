package dev.upshift.orchestrator.adapters.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in the text of a compose file, where the value of one service's {@code image:} is written, so that
 * exactly those characters can be replaced and every other byte kept.
 */
final class ImageLineLocator {

    private static final Pattern SERVICES_KEY = Pattern.compile("(?:services|\"services\"|'services')[ \\t]*:[ \\t]*(?:#.*)?");
    private static final Pattern IMAGE_KEY = Pattern.compile("[ \\t]*(?:image|\"image\"|'image')[ \\t]*:(?:[ \\t]+|$)");

    /** The written value of an image line: {@code text.substring(start, end)}, quoted as {@code quote} (0 when plain). */
    record WrittenImage(int start, int end, char quote) {
    }

    private record Line(int start, String content) {

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
    }

    private ImageLineLocator() {
    }

    static Optional<WrittenImage> locate(String text, String service) {
        List<Line> lines = lines(text);
        int servicesLine = -1;
        for (int i = 0; i < lines.size() && servicesLine < 0; i++) {
            if (SERVICES_KEY.matcher(lines.get(i).content()).matches()) {
                servicesLine = i;
            }
        }
        if (servicesLine < 0) {
            return Optional.empty();
        }
        Pattern serviceKey = Pattern.compile("(?:" + Pattern.quote(service) + "|\"" + Pattern.quote(service) + "\"|'"
                + Pattern.quote(service) + "')[ \\t]*:[ \\t]*(?:&\\S+[ \\t]*)?(?:#.*)?");
        int serviceIndent = -1;
        for (int i = servicesLine + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            int indent = line.indent();
            if (serviceIndent < 0) {
                serviceIndent = indent;
            }
            if (indent == 0 || indent < serviceIndent) {
                return Optional.empty();
            }
            if (indent == serviceIndent && serviceKey.matcher(line.content().substring(indent)).matches()) {
                return imageInBlock(lines, i + 1, serviceIndent);
            }
        }
        return Optional.empty();
    }

    /** The service's block runs until the next line indented no deeper than its key; its own keys share one indent. */
    private static Optional<WrittenImage> imageInBlock(List<Line> lines, int firstLine, int serviceIndent) {
        int keyIndent = -1;
        for (int i = firstLine; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            int indent = line.indent();
            if (indent <= serviceIndent) {
                return Optional.empty();
            }
            if (keyIndent < 0) {
                keyIndent = indent;
            }
            Matcher imageKey = IMAGE_KEY.matcher(line.content());
            if (indent == keyIndent && imageKey.lookingAt()) {
                return writtenValue(line, imageKey.end());
            }
        }
        return Optional.empty();
    }

    private static Optional<WrittenImage> writtenValue(Line line, int valueStart) {
        String content = line.content();
        if (valueStart >= content.length()) {
            return Optional.empty();
        }
        char first = content.charAt(valueStart);
        int valueEnd;
        if (first == '"') {
            valueEnd = endOfDoubleQuoted(content, valueStart);
        } else if (first == '\'') {
            valueEnd = endOfSingleQuoted(content, valueStart);
        } else if ("#|>&*![{".indexOf(first) >= 0) {
            // a comment, block scalar, anchor, alias, tag or flow value is not a one-line image reference
            return Optional.empty();
        } else {
            valueEnd = endOfPlain(content, valueStart);
        }
        if (valueEnd < 0 || !content.substring(valueEnd).matches("[ \\t]*(?:#.*)?")) {
            return Optional.empty();
        }
        char quote = first == '"' || first == '\'' ? first : 0;
        return Optional.of(new WrittenImage(line.start() + valueStart, line.start() + valueEnd, quote));
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
    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new Line(start, text.substring(start, contentEnd)));
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }
}
