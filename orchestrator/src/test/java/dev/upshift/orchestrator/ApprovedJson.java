package dev.upshift.orchestrator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Approved JSON files of the approval tests. With {@code -Dapprove=true} a missing or differing file is written
 * from the actual JSON (pretty-printed) before the test compares as usual: review the diff before committing.
 */
public final class ApprovedJson {

    public static final boolean APPROVE = Boolean.getBoolean("approve");

    private static final ObjectMapper JSON = StoredEventSerializer.bootObjectMapper();

    private ApprovedJson() {
    }

    /** Writes the actual JSON as the approved one when it is missing or differs as a tree. */
    public static void approve(Path file, String actual) throws IOException {
        JsonNode tree = JSON.readTree(actual);
        if (Files.exists(file) && JSON.readTree(file.toFile()).equals(tree)) {
            return;
        }
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writer(printer).writeValueAsString(tree) + "\n");
    }
}
