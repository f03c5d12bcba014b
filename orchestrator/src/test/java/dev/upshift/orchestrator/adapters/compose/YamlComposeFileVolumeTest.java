package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.testbed.ExternalCommand;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlComposeFileVolumeTest {

    private final YamlComposeFile composeFile = new YamlComposeFile();

    @TempDir
    Path directory;

    /** The db mount sits between a bind mount and comments; another service mounts the very same volume. */
    private static final String STACK = """
            # Makapix production stack
            name: makapix

            services:
              db:
                image: postgres:16-alpine
                volumes:
                  # the data
                  - {{mount}}   # keep
                  - ./seed:/docker-entrypoint-initdb.d:ro

                  - backups:/backups
              backup:
                image: backup:1
                volumes:
                  - pg_data:/var/lib/postgresql/data:ro

            volumes:
              pg_data:   # the cluster
              # nightly dumps
              backups:
                driver: local

            # the end
            """;

    @Nested
    class ShortSyntax {

        @Test
        void givenCommentedStack_whenReplaceVolume_thenOnlyTheMountAndTheNewDeclarationChange() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo(STACK
                    .replace("{{mount}}", "pg_data_pg17:/var/lib/postgresql/data")
                    .replace("    driver: local\n", "    driver: local\n  pg_data_pg17:\n"));
        }

        @Test
        void givenCommentedStack_whenReplaceVolume_thenTheFileReadsWithTheNewMountAndBothDeclarations() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            ComposeProject project = composeFile.read(file);
            assertThat(project.service("db").orElseThrow().volumes()).containsExactly(
                    new VolumeMount("pg_data_pg17", "/var/lib/postgresql/data", true),
                    new VolumeMount("./seed", "/docker-entrypoint-initdb.d", false),
                    new VolumeMount("backups", "/backups", true));
            assertThat(project.service("backup").orElseThrow().volumes()).containsExactly(
                    new VolumeMount("pg_data", "/var/lib/postgresql/data", true));
            assertThat(project.volumes()).containsExactly("pg_data", "backups", "pg_data_pg17");
        }

        @Test
        void givenReadOnlyMode_whenReplaceVolume_thenTheModeIsKept() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data:ro"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).contains("  - pg_data_pg17:/var/lib/postgresql/data:ro   # keep\n");
        }

        @Test
        void givenReadWriteMode_whenReplaceVolume_thenTheModeIsKept() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data:rw"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).contains("  - pg_data_pg17:/var/lib/postgresql/data:rw   # keep\n");
        }

        @Test
        void givenDoubleQuotedMount_whenReplaceVolume_thenItStaysDoubleQuoted() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "\"pg_data:/var/lib/postgresql/data\""));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).contains("  - \"pg_data_pg17:/var/lib/postgresql/data\"   # keep\n");
        }

        @Test
        void givenSingleQuotedMount_whenReplaceVolume_thenItStaysSingleQuoted() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "'pg_data:/var/lib/postgresql/data'"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).contains("  - 'pg_data_pg17:/var/lib/postgresql/data'   # keep\n");
        }

        @Test
        void givenListAtTheIndentOfItsKey_whenReplaceVolume_thenTheMountChanges() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                        - pg_data:/var/lib/postgresql/data
                        restart: always
                    volumes:
                      pg_data:
                    """);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo("""
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                        - pg_data_pg17:/var/lib/postgresql/data
                        restart: always
                    volumes:
                      pg_data:
                      pg_data_pg17:
                    """);
        }

        @Test
        void givenCrlfLineEndings_whenReplaceVolume_thenEveryLineEndingIsKeptAndTheNewLineHasOne() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data").replace("\n", "\r\n"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo(STACK
                    .replace("{{mount}}", "pg_data_pg17:/var/lib/postgresql/data")
                    .replace("    driver: local\n", "    driver: local\n  pg_data_pg17:\n")
                    .replace("\n", "\r\n"));
        }
    }

    @Nested
    class LongSyntax {

        @Test
        void givenTypeVolumeSourceAndTarget_whenReplaceVolume_thenOnlyTheSourceValueChanges() throws IOException {
            String template = """
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                          - type: volume
                            source: {{source}}   # the data
                            target: /var/lib/postgresql/data
                            volume:
                              nocopy: true
                          - type: bind
                            source: ./seed
                            target: /docker-entrypoint-initdb.d
                    volumes:
                      pg_data:
                    """;
            Path file = write(template.replace("{{source}}", "pg_data"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo(template.replace("{{source}}", "pg_data_pg17")
                    .replace("  pg_data:\n", "  pg_data:\n  pg_data_pg17:\n"));
        }

        @Test
        void givenDashAloneAndQuotedSource_whenReplaceVolume_thenTheQuotesAreKept() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                          -
                            target: /var/lib/postgresql/data
                            source: "pg_data"
                    volumes:
                      pg_data:
                    """);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).contains("        source: \"pg_data_pg17\"\n");
            assertThat(service(file, "db").volumes())
                    .containsExactly(new VolumeMount("pg_data_pg17", "/var/lib/postgresql/data", true));
        }
    }

    @Nested
    class TopLevelDeclaration {

        private static final String FOUR_SPACES = """
                services:
                    db:
                        image: postgres:16-alpine
                        volumes:
                            - pg_data:/var/lib/postgresql/data
                volumes:
                {{declarations}}
                networks:
                    default:
                """;

        @Test
        void givenDeclarationWithEmptyMapping_whenReplaceVolume_thenTheNewOneFollowsAsAPlainLine() throws IOException {
            Path file = write(FOUR_SPACES.replace("{{declarations}}", "    pg_data: {}"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file))
                    .isEqualTo(FOUR_SPACES.replace("- pg_data:", "- pg_data_pg17:")
                            .replace("{{declarations}}", "    pg_data: {}\n    pg_data_pg17:"));
        }

        @Test
        void givenDeclarationWithNestedLabelsAndDriver_whenReplaceVolume_thenTheNewOneFollowsItsLastLine() throws IOException {
            String declarations = """
                        pg_data:
                            driver: local
                            labels:
                                com.example.role: "database"
                        # a comment inside the block\
                    """;
            Path file = write(FOUR_SPACES.replace("{{declarations}}", declarations));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file))
                    .isEqualTo(FOUR_SPACES.replace("- pg_data:", "- pg_data_pg17:")
                            .replace("{{declarations}}", declarations + "\n    pg_data_pg17:"));
        }

        @Test
        void givenBareVolumesKey_whenReplaceVolume_thenTheNewOneIsIndentedLikeTheServices() throws IOException {
            Path file = write("""
                    services:
                       db:
                          image: postgres:16-alpine
                          volumes:
                             - pg_data:/var/lib/postgresql/data
                    volumes:
                    """);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).endsWith("\nvolumes:\n   pg_data_pg17:\n");
            assertThat(composeFile.read(file).volumes()).containsExactly("pg_data_pg17");
        }

        @Test
        void givenNoTopLevelVolumes_whenReplaceVolume_thenANewBlockEndsTheFile() throws IOException {
            String original = """
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    """;
            Path file = write(original);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo(original.replace("- pg_data:", "- pg_data_pg17:")
                    + "\nvolumes:\n  pg_data_pg17:\n");
        }

        @Test
        void givenNoTopLevelVolumesAndNoFinalNewline_whenReplaceVolume_thenNoFinalNewlineIsAdded() throws IOException {
            Path file = write("services:\n  db:\n    volumes:\n      - pg_data:/data");

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file))
                    .isEqualTo("services:\n  db:\n    volumes:\n      - pg_data_pg17:/data\n\nvolumes:\n  pg_data_pg17:");
        }

        @Test
        void givenVolumesDeclaredBeforeTheServices_whenReplaceVolume_thenBothEditsLand() throws IOException {
            Path file = write("""
                    volumes:
                      pg_data:
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    """);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo("""
                    volumes:
                      pg_data:
                      pg_data_pg17:
                    services:
                      db:
                        volumes:
                          - pg_data_pg17:/var/lib/postgresql/data
                    """);
        }

        @Test
        void givenNewVolumeAlreadyDeclared_whenReplaceVolume_thenOnlyTheMountChanges() throws IOException {
            Path file = write("""
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    volumes:
                      pg_data:
                      pg_data_pg17:
                    """);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo("""
                    services:
                      db:
                        volumes:
                          - pg_data_pg17:/var/lib/postgresql/data
                    volumes:
                      pg_data:
                      pg_data_pg17:
                    """);
        }

        @Test
        void givenMountAlreadyMovedButNewVolumeUndeclared_whenReplaceVolume_thenOnlyTheDeclarationIsAdded() throws IOException {
            Path file = write("""
                    services:
                      db:
                        volumes:
                          - pg_data_pg17:/var/lib/postgresql/data
                    volumes:
                      pg_data:
                    """);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).endsWith("volumes:\n  pg_data:\n  pg_data_pg17:\n");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void givenReplacedVolume_whenReplaceVolumeAgain_thenTheFileIsByteIdentical() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data"));
            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");
            byte[] afterFirst = Files.readAllBytes(file);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readAllBytes(file)).isEqualTo(afterFirst);
        }

        @Test
        void givenNoNewlineAtTheEnd_whenReplaceVolumeTwice_thenTheSecondCallChangesNothing() throws IOException {
            Path file = write("services:\n  db:\n    volumes:\n      - pg_data:/data");
            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");
            String afterFirst = Files.readString(file);

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(Files.readString(file)).isEqualTo(afterFirst);
        }

        @Test
        void givenSuccessfulReplacement_whenListingTheDirectory_thenNoTemporaryFileIsLeft() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data"));

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files).containsExactly(file);
            }
        }
    }

    @Nested
    class Refusals {

        @Test
        void givenServiceNotMountingTheVolume_whenReplaceVolume_thenInvalidInputNamesItsVolumesAndTheFileIsUntouched()
                throws IOException {
            String original = STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data");
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pgdata", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + ": service 'db' does not mount volume 'pgdata'; it mounts pg_data, backups");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenBindMountOfThatName_whenReplaceVolume_thenInvalidInputSaysTheServiceDoesNotMountIt() throws IOException {
            String original = """
                    services:
                      db:
                        volumes:
                          - type: bind
                            source: pg_data
                            target: /var/lib/postgresql/data
                    """;
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("service 'db' does not mount volume 'pg_data'; it mounts no named volume");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenUnknownService_whenReplaceVolume_thenInvalidInputListsTheServices() throws IOException {
            Path file = write(STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data"));

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "postgres", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + " has no service 'postgres'; its services are db, backup");
        }

        @Test
        void givenExternalDeclaration_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            String original = """
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    volumes:
                      pg_data:
                        external: true
                    """;
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + ": volume 'pg_data' is declared with external:, so Upshift cannot"
                            + " tell which volume the operator expects there; change it by hand");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenDeclarationWithName_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            String original = """
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    volumes:
                      pg_data:
                        name: makapix_pgdata
                    """;
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("volume 'pg_data' is declared with name:")
                    .hasMessageEndingWith("change it by hand");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenExternalDeclarationOfTheNewVolume_whenReplaceVolume_thenInvalidInput() throws IOException {
            Path file = write("""
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    volumes:
                      pg_data:
                      pg_data_pg17:
                        external: true
                    """);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("volume 'pg_data_pg17' is declared with external:");
        }

        @Test
        void givenVolumesListWithAnAnchor_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            assertRefusedByHand("""
                    services:
                      db:
                        volumes: &data
                          - pg_data:/var/lib/postgresql/data
                      backup:
                        volumes: *data
                    volumes:
                      pg_data:
                    """);
        }

        @Test
        void givenVolumesMergedFromAnAnchor_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            assertRefusedByHand("""
                    x-db: &db
                      volumes:
                        - pg_data:/var/lib/postgresql/data
                    services:
                      db:
                        <<: *db
                        image: postgres:16-alpine
                    volumes:
                      pg_data:
                    """);
        }

        @Test
        void givenAnchoredServiceDefinition_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            assertRefusedByHand("""
                    services:
                      db: &db
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                      replica: *db
                    volumes:
                      pg_data:
                    """);
        }

        @Test
        void givenFlowStyleVolumesList_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            assertRefusedByHand("""
                    services:
                      db:
                        volumes: ["pg_data:/var/lib/postgresql/data"]
                    volumes:
                      pg_data:
                    """);
        }

        @Test
        void givenFlowStyleLongSyntaxEntry_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            assertRefusedByHand("""
                    services:
                      db:
                        volumes:
                          - {type: volume, source: pg_data, target: /var/lib/postgresql/data}
                    volumes:
                      pg_data:
                    """);
        }

        @Test
        void givenAnchoredMountEntry_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            assertRefusedByHand("""
                    services:
                      db:
                        volumes:
                          - &data pg_data:/var/lib/postgresql/data
                      backup:
                        volumes:
                          - *data
                    volumes:
                      pg_data:
                    """);
        }

        @Test
        void givenFlowStyleTopLevelVolumes_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            String original = """
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                    volumes: {pg_data: {}}
                    """;
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + ": the top-level volumes: is not a block of one volume per line"
                            + " (anchor, alias or flow style); declare 'pg_data_pg17' there by hand");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenVolumeMountedTwice_whenReplaceVolume_thenInvalidInputNamesBothTargets() throws IOException {
            Path file = write("""
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                          - pg_data:/mnt/copy
                    volumes:
                      pg_data:
                    """);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + ": service 'db' mounts volume 'pg_data' more than once"
                            + " (at /var/lib/postgresql/data, /mnt/copy); change it by hand");
        }

        @Test
        void givenServiceMountingBothVolumes_whenReplaceVolume_thenInvalidInputNamesBothTargets() throws IOException {
            Path file = write("""
                    services:
                      db:
                        volumes:
                          - pg_data:/var/lib/postgresql/data
                          - pg_data_pg17:/mnt/new
                    volumes:
                      pg_data:
                      pg_data_pg17:
                    """);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("mounts both 'pg_data' (at /var/lib/postgresql/data) and 'pg_data_pg17' (at /mnt/new)");
        }

        @Test
        void givenNewVolumeNameWithASlash_whenReplaceVolume_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            String original = STACK.replace("{{mount}}", "pg_data:/var/lib/postgresql/data");
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "../pg_data"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("volume name '../pg_data' is not valid; pass one like pg_data_pg17");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        private void assertRefusedByHand(String original) throws IOException {
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("compose file " + file + ": the mount of volume 'pg_data' by service 'db' ")
                    .hasMessageEndingWith("; change it by hand");
            assertThat(Files.readString(file)).isEqualTo(original);
        }
    }

    /** The test bed's own stack, copied whole (compose checks its env files) so the repository's stays untouched. */
    @Nested
    class TestbedStack {

        private Path copyOfTestbedStack() throws IOException {
            Path stack = SampleStack.repositoryRoot().resolve("testbed/stack");
            for (String name : new String[] {"compose.yml", "db.env", "app.env"}) {
                Files.copy(stack.resolve(name), directory.resolve(name));
            }
            Files.createDirectory(directory.resolve("seed"));
            return directory.resolve("compose.yml");
        }

        @Test
        void givenTestbedComposeFile_whenReplaceVolume_thenOnlyTheDataMountAndTheDeclarationsChange() throws IOException {
            Path file = copyOfTestbedStack();
            String before = Files.readString(file);
            String mountLine = "      - pg_data:/var/lib/postgresql/data\n";

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            assertThat(before).containsOnlyOnce(mountLine).endsWith("\nvolumes:\n  pg_data:\n");
            assertThat(Files.readString(file)).isEqualTo(before
                    .replace(mountLine, "      - pg_data_pg17:/var/lib/postgresql/data\n")
                    + "  pg_data_pg17:\n");
        }

        @Test
        void givenTestbedComposeFile_whenReplaceVolume_thenTheDatabaseMountsTheNewVolumeNextToItsSeed() throws IOException {
            Path file = copyOfTestbedStack();

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            ComposeProject project = composeFile.read(file);
            assertThat(project.service("db").orElseThrow().volumes()).containsExactly(
                    new VolumeMount("pg_data_pg17", "/var/lib/postgresql/data", true),
                    new VolumeMount("./seed", "/docker-entrypoint-initdb.d", false));
            assertThat(project.volumes()).containsExactly("pg_data", "pg_data_pg17");
        }

        @Test
        void givenTestbedComposeFile_whenTheNewVolumeMovesTo18sMount_thenOnlyItsLineChangesAndComposeResolvesIt()
                throws IOException {
            Path file = copyOfTestbedStack();
            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg18");
            String before = Files.readString(file);

            composeFile.replaceMountTarget(file, "db", "pg_data_pg18", "/var/lib/postgresql");

            assertThat(Files.readString(file)).isEqualTo(before.replace("      - pg_data_pg18:/var/lib/postgresql/data\n",
                    "      - pg_data_pg18:/var/lib/postgresql\n"));
            String config = ExternalCommand.of(Duration.ofSeconds(30), "docker", "compose", "-f", file.toString(), "config",
                    "--format", "json").run().stdoutOrThrow();
            assertThat(config).contains("\"source\": \"pg_data_pg18\"", "\"target\": \"/var/lib/postgresql\"");
        }

        /** Compose leaves out of its resolved model a declared volume no service mounts, so the old one is not listed. */
        @Test
        void givenTestbedComposeFile_whenReplaceVolume_thenDockerComposeAcceptsTheFileAndResolvesTheNewVolume()
                throws IOException {
            Path file = copyOfTestbedStack();

            composeFile.replaceVolume(file, "db", "pg_data", "pg_data_pg17");

            String volumes = ExternalCommand.of(Duration.ofSeconds(30), "docker", "compose", "-f", file.toString(), "config",
                    "--volumes").run().stdoutOrThrow();
            assertThat(volumes.lines()).containsExactly("pg_data_pg17");
        }
    }

    private ComposeService service(Path file, String name) {
        return composeFile.read(file).service(name).orElseThrow();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("docker-compose.yml"), content, StandardCharsets.UTF_8);
    }
}
