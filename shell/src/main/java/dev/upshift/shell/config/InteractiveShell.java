package dev.upshift.shell.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.jline.reader.History;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.utils.AttributedString;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.jline.PromptProvider;

/** What {@code upshift} with no arguments shows: its own prompt, and a history kept under UPSHIFT_HOME. */
@Configuration
public class InteractiveShell {

    @Bean
    public PromptProvider upshiftPrompt() {
        return () -> new AttributedString("upshift:>");
    }

    /**
     * JLine's history, in a file only its owner can read: it holds nothing but the commands typed, yet an operator
     * may type anything at a prompt. JLine appends to the file and keeps its mode.
     */
    @Bean
    public History history(@Value("${spring.shell.history.name}") Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException kept) {
            // an earlier session's history: JLine loads it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the shell's history " + file, e);
        }
        return new DefaultHistory();
    }
}
