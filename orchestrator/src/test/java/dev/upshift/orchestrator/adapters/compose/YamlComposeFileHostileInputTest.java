package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.steps.EnvFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Compose files an operator may really have — anchors, merge keys, extends, tens of MB, env files elsewhere. */
class YamlComposeFileHostileInputTest {

    private static final String PLAIN = """
            x-common: &common
              restart: unless-stopped
            services:
              db:
                <<: *common
                image: postgres:16-alpine
                volumes:
                  - pg_data:/var/lib/postgresql/data
            volumes:
              pg_data:
            """;

    private final YamlComposeFile composeFile = new YamlComposeFile();

    @TempDir
    Path directory;

    @Test
    void givenAnchorsAndMergeKeysBesideAPlainImageAndVolume_whenRehearsing_thenItPassesAndTheFileIsUntouched()
            throws IOException {
        Path file = write(PLAIN);

        composeFile.rehearseUpgradeEdits(file, "db", "postgres:17-alpine", "pg_data");

        assertThat(Files.readString(file)).isEqualTo(PLAIN);
    }

    @Test
    void givenTheImageMergedFromAnAnchor_whenRehearsing_thenInvalidInputBeforeAnythingIsDone() throws IOException {
        Path file = write("""
                x-db: &db
                  image: postgres:16-alpine
                services:
                  db:
                    <<: *db
                    volumes:
                      - pg_data:/var/lib/postgresql/data
                volumes:
                  pg_data:
                """);

        assertThatThrownBy(() -> composeFile.rehearseUpgradeEdits(file, "db", "postgres:17-alpine", "pg_data"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("is not written on its own image: line (anchor, merge key or flow style)");
    }

    @Test
    void givenTheVolumesFromAnAlias_whenRehearsing_thenInvalidInputBeforeAnythingIsDone() throws IOException {
        Path file = write("""
                x-mounts: &mounts
                  - pg_data:/var/lib/postgresql/data
                services:
                  db:
                    image: postgres:16-alpine
                    volumes: *mounts
                volumes:
                  pg_data:
                """);

        assertThatThrownBy(() -> composeFile.rehearseUpgradeEdits(file, "db", "postgres:17-alpine", "pg_data"))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void givenAServiceWithExtends_whenRead_thenItSaysSo() throws IOException {
        Path file = write("""
                services:
                  db:
                    extends:
                      file: common.yml
                      service: postgres
                    image: postgres:16-alpine
                  api:
                    image: api:1
                """);

        assertThat(composeFile.read(file).services()).extracting(ComposeService::name, ComposeService::usesExtends)
                .containsExactly(tuple("db", true), tuple("api", false));
    }

    @Test
    void givenAComposeFileOfTensOfMegabytes_whenReplacingTheImage_thenItIsEditedLikeAnyOther() throws IOException {
        Path file = directory.resolve("docker-compose.yml");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(PLAIN);
            String comment = "# " + "x".repeat(1000) + "\n";
            for (int line = 0; line < 30_000; line++) {
                writer.write(comment);
            }
        }
        assertThat(Files.size(file)).isGreaterThan(30_000_000);

        assertThat(composeFile.replaceImage(file, "db", "postgres:17-alpine")).isEqualTo("postgres:16-alpine");
        assertThat(composeFile.read(file).service("db").orElseThrow().image()).isEqualTo("postgres:17-alpine");
    }

    @Test
    void givenAComposeFileOfMoreThan64Megabytes_whenRead_thenInvalidInputSaysItIsTooLarge() throws IOException {
        Path file = directory.resolve("docker-compose.yml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength((64L << 20) + 1);
        }

        assertThatThrownBy(() -> composeFile.read(file))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("compose file " + file + " is larger than 64 MB; Upshift reads and edits compose files whole, "
                        + "so it does not take one this large");
    }

    @Test
    void givenAnAliasBomb_whenRead_thenInvalidInputSaysItIsNotValidYaml() throws IOException {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level < 10; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*a" + (level - 1)))).append("]\n");
        }
        Path file = write(bomb + "services:\n  db:\n    image: postgres:16-alpine\n");

        assertThatThrownBy(() -> composeFile.read(file))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("is not valid YAML");
    }

    /** Compose itself reads such a file, so Upshift does too: it records the path as written and reads it when connecting. */
    @Test
    void givenAnEnvFileLinkedFromOutsideTheProject_whenRead_thenTheLinkIsRecordedAndFollowed(@TempDir Path elsewhere)
            throws IOException {
        Path secrets = Files.writeString(elsewhere.resolve("db.env"), "POSTGRES_PASSWORD=outside\n");
        Files.createSymbolicLink(directory.resolve("db.env"), secrets);
        Path file = write("""
                services:
                  db:
                    image: postgres:16-alpine
                    env_file: db.env
                """);

        ComposeService db = composeFile.read(file).service("db").orElseThrow();

        assertThat(db.envFiles()).containsExactly(directory.resolve("db.env"));
        assertThat(EnvFile.environmentOf(db)).containsEntry("POSTGRES_PASSWORD", "outside");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("docker-compose.yml"), content, StandardCharsets.UTF_8);
    }
}
