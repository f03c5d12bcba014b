package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.adapters.compose.ComposeText.Line;

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

    private ImageLineLocator() {
    }

    static Optional<WrittenImage> locate(String text, String service) {
        List<Line> lines = new ComposeText(text).lines();
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
                return ComposeText.scalarAt(line.content(), imageKey.end()).map(scalar ->
                        new WrittenImage(line.start() + scalar.start(), line.start() + scalar.end(), scalar.quote()));
            }
        }
        return Optional.empty();
    }
}
