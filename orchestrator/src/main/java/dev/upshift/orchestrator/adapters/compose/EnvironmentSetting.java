package dev.upshift.orchestrator.adapters.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.upshift.orchestrator.adapters.compose.ComposeText.Block;
import dev.upshift.orchestrator.adapters.compose.ComposeText.Line;
import dev.upshift.orchestrator.adapters.compose.ComposeText.TextEdit;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.InvalidInput;

/**
 * Sets one variable in a service's {@code environment:} (PGDATA, where pg_upgrade's link puts the new cluster beside
 * the old one): a line added to the block as it is written — a mapping or a list — or the block added at the end of
 * the service. A variable the file sets to another value already is the operator's, and is not overwritten.
 */
final class EnvironmentSetting implements ServiceEdit {

    private static final Pattern ENVIRONMENT_KEY = ComposeText.key("environment");

    private final Path file;
    private final Object document;
    private final String service;
    private final String variable;
    private final String value;
    private final boolean set;

    private EnvironmentSetting(Path file, Object document, String service, String variable, String value, boolean set) {
        this.file = file;
        this.document = document;
        this.service = service;
        this.variable = variable;
        this.value = value;
        this.set = set;
    }

    /** @throws InvalidInput when the service sets the variable to another value */
    static EnvironmentSetting plan(Path file, Object document, ComposeService service, String variable, String value) {
        String written = service.environment().get(variable);
        if (written != null && !written.equals(value)) {
            throw new InvalidInput("compose file " + file + ": service '" + service.name() + "' sets " + variable + "="
                    + written + " and Upshift must set it to " + value + "; remove it from the environment: or change it by hand");
        }
        return new EnvironmentSetting(file, document, service.name(), variable, value, written != null);
    }

    @Override
    public boolean isDone() {
        return set;
    }

    @Override
    public String applyTo(String text, Function<String, Object> loader) {
        ComposeText composeText = new ComposeText(text);
        TextEdit insertion = composeText.serviceBlock(service).flatMap(block -> insertion(composeText, block))
                .orElseThrow(this::notPlainlyWritten);
        String edited = composeText.apply(List.of(insertion));
        if (!Objects.equals(expectedDocument(), loader.apply(edited))) {
            throw notPlainlyWritten();
        }
        return edited;
    }

    /** Below {@code environment:} when the service has one written as a block, else a new block after its last line. */
    private Optional<TextEdit> insertion(ComposeText text, Block block) {
        List<Line> lines = text.lines();
        String ending = text.lineEnding();
        int keyIndent = -1;
        int last = -1;
        for (int i = block.first(); i < block.end(); i++) {
            Line line = lines.get(i);
            if (line.holdsNoKey()) {
                continue;
            }
            keyIndent = keyIndent < 0 ? line.indent() : keyIndent;
            last = i;
            String atIndent = line.content().substring(line.indent());
            if (line.indent() == keyIndent && ENVIRONMENT_KEY.matcher(atIndent).lookingAt()) {
                return ComposeText.restOfLineIsEmpty(atIndent, ENVIRONMENT_KEY)
                        ? Optional.of(entryBelow(lines, i, keyIndent, ending)) : Optional.empty();
            }
        }
        if (last < 0) {
            return Optional.empty();
        }
        Line after = lines.get(last);
        String pad = " ".repeat(keyIndent);
        String environment = pad + "environment:" + ending + pad + "  " + variable + ": " + value + ending;
        return Optional.of(insertedAfter(after, environment, ending));
    }

    /** The first entry's indent and style (a list of NAME=value or a mapping) are the new line's. */
    private TextEdit entryBelow(List<Line> lines, int keyLine, int keyIndent, String ending) {
        int indent = keyIndent + 2;
        boolean list = false;
        for (int i = keyLine + 1; i < lines.size(); i++) {
            if (!lines.get(i).holdsNoKey()) {
                if (lines.get(i).indent() > keyIndent) {
                    indent = lines.get(i).indent();
                    list = lines.get(i).content().substring(indent).startsWith("-");
                }
                break;
            }
        }
        String entry = " ".repeat(indent) + (list ? "- " + variable + "=" + value : variable + ": " + value) + ending;
        return insertedAfter(lines.get(keyLine), entry, ending);
    }

    private static TextEdit insertedAfter(Line line, String lines, String ending) {
        return new TextEdit(line.next(), line.next(), line.hasTerminator() ? lines : ending + lines);
    }

    /** The old document with the variable set in the service's environment, in its style (first in a list, as inserted). */
    @SuppressWarnings("unchecked")
    private Object expectedDocument() {
        Object expected = VolumeReplacement.deepCopy(document);
        if (expected instanceof Map<?, ?> topLevel && topLevel.get("services") instanceof Map<?, ?> services
                && services.get(service) instanceof Map<?, ?> definition) {
            Map<Object, Object> settings = (Map<Object, Object>) definition;
            Object environment = settings.get("environment");
            if (environment instanceof List<?> list) {
                List<Object> entries = new ArrayList<>(list);
                entries.add(0, variable + "=" + value);
                settings.put("environment", entries);
            } else {
                Map<Object, Object> entries = environment instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : new LinkedHashMap<>();
                entries.put(variable, value);
                settings.put("environment", entries);
            }
        }
        return expected;
    }

    private InvalidInput notPlainlyWritten() {
        return new InvalidInput("compose file " + file + ": the environment of service '" + service
                + "' is not written plainly enough to add " + variable + " (anchor, merge key or flow style); add "
                + variable + ": " + value + " by hand");
    }
}
