package dev.upshift.orchestrator.adapters.compose;

import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlComposeFileTest {

    private final YamlComposeFile composeFile = new YamlComposeFile();

    @TempDir
    Path directory;

    @Nested
    class Read {

        @Test
        void givenTopLevelName_whenRead_thenProjectCarriesIt() throws IOException {
            Path file = write("""
                    name: makapix
                    services:
                      db:
                        image: postgres:16-alpine
                    """);

            assertThat(composeFile.read(file).name()).isEqualTo("makapix");
        }

        @Test
        void givenNoTopLevelName_whenRead_thenNameIsNull() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                    """);

            assertThat(composeFile.read(file).name()).isNull();
        }

        @Test
        void givenServicesOutOfAlphabeticalOrder_whenRead_thenTheyComeInFileOrder() throws IOException {
            Path file = write("""
                    services:
                      web:
                        image: web:1
                      db:
                        image: postgres:16-alpine
                      api:
                        image: api:1
                    """);

            assertThat(composeFile.read(file).services()).extracting(ComposeService::name).containsExactly("web", "db", "api");
        }

        @Test
        void givenServiceBuiltFromSource_whenRead_thenItsImageIsNull() throws IOException {
            Path file = write("""
                    services:
                      api:
                        build: ./api
                    """);

            assertThat(service(file, "api").image()).isNull();
        }

        @Test
        void givenDependsOnAsList_whenRead_thenDependenciesComeInFileOrder() throws IOException {
            Path file = write("""
                    services:
                      web:
                        image: web:1
                        depends_on:
                          - worker
                          - api
                          - db
                    """);

            assertThat(service(file, "web").dependsOn()).containsExactly("worker", "api", "db");
        }

        @Test
        void givenDependsOnWithConditions_whenRead_thenDependenciesComeInFileOrder() throws IOException {
            Path file = write("""
                    services:
                      web:
                        image: web:1
                        depends_on:
                          worker:
                            condition: service_started
                          api:
                            condition: service_healthy
                          db:
                            condition: service_healthy
                            restart: true
                    """);

            assertThat(service(file, "web").dependsOn()).containsExactly("worker", "api", "db");
        }

        @Test
        void givenEnvironmentAsList_whenRead_thenEachEntryIsSplitAtItsFirstEqualsSign() throws IOException {
            Path file = write("""
                    services:
                      api:
                        image: api:1
                        environment:
                          - DATABASE_URL=postgresql://owner:s3cret@db:5432/makapix?sslmode=disable
                          - EMPTY=
                          - "QUOTED=a b"
                    """);

            assertThat(service(file, "api").environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "DATABASE_URL", "postgresql://owner:s3cret@db:5432/makapix?sslmode=disable",
                    "EMPTY", "",
                    "QUOTED", "a b"));
        }

        @Test
        void givenEnvironmentAsMap_whenRead_thenValuesAreStringsExactlyAsWritten() throws IOException {
            Path file = write("""
                    services:
                      api:
                        image: api:1
                        environment:
                          PORT: 08080
                          DEBUG: yes
                          RATIO: 1.50
                          SINCE: 2024-01-01
                          POSTGRES_PASSWORD: "0123"
                          EMPTY: ""
                    """);

            assertThat(service(file, "api").environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "PORT", "08080",
                    "DEBUG", "yes",
                    "RATIO", "1.50",
                    "SINCE", "2024-01-01",
                    "POSTGRES_PASSWORD", "0123",
                    "EMPTY", ""));
        }

        @Test
        void givenEnvironmentKeysWithoutValues_whenRead_thenTheyAreLeftOutBecauseTheShellSuppliesThem() throws IOException {
            Path file = write("""
                    services:
                      api:
                        image: api:1
                        environment:
                          - FROM_SHELL
                          - SET=1
                      worker:
                        image: api:1
                        environment:
                          FROM_SHELL:
                          SET: 1
                    """);

            assertThat(service(file, "api").environment()).containsExactlyEntriesOf(Map.of("SET", "1"));
            assertThat(service(file, "worker").environment()).containsExactlyEntriesOf(Map.of("SET", "1"));
        }

        @Test
        void givenEnvFileAsString_whenRead_thenItIsResolvedAgainstTheComposeFileDirectory() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                        env_file: db.env
                    """);

            assertThat(service(file, "db").envFiles()).containsExactly(directory.resolve("db.env"));
        }

        @Test
        void givenEnvFileAsListOfStrings_whenRead_thenEachIsResolvedInOrder() throws IOException {
            Path file = write("""
                    services:
                      api:
                        image: api:1
                        env_file:
                          - ./app.env
                          - config/../secrets.env
                          - /etc/upshift/global.env
                    """);

            assertThat(service(file, "api").envFiles()).containsExactly(
                    directory.resolve("app.env"), directory.resolve("secrets.env"), Path.of("/etc/upshift/global.env"));
        }

        @Test
        void givenEnvFileAsPathMappings_whenRead_thenEachPathIsResolvedInOrder() throws IOException {
            Path file = write("""
                    services:
                      api:
                        image: api:1
                        env_file:
                          - path: ./app.env
                          - path: ./override.env
                            required: false
                    """);

            assertThat(service(file, "api").envFiles()).containsExactly(
                    directory.resolve("app.env"), directory.resolve("override.env"));
        }

        @Test
        void givenShortSyntaxVolumes_whenRead_thenNamedVolumesAreToldFromBindMounts() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                          - pgdata:/var/lib/postgresql/data
                          - ./seed:/docker-entrypoint-initdb.d:ro
                          - /srv/backups:/backups
                          - ~/certs:/certs:ro
                          - /var/cache/anonymous
                    """);

            assertThat(service(file, "db").volumes()).containsExactly(
                    new VolumeMount("pgdata", "/var/lib/postgresql/data", true),
                    new VolumeMount("./seed", "/docker-entrypoint-initdb.d", false),
                    new VolumeMount("/srv/backups", "/backups", false),
                    new VolumeMount("~/certs", "/certs", false),
                    new VolumeMount(null, "/var/cache/anonymous", false));
        }

        @Test
        void givenLongSyntaxVolumes_whenRead_thenTheTypeDecidesAndTmpfsIsLeftOut() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                        volumes:
                          - type: volume
                            source: pgdata
                            target: /var/lib/postgresql/data
                          - type: bind
                            source: ./seed
                            target: /docker-entrypoint-initdb.d
                            read_only: true
                          - source: archive
                            target: /archive
                          - type: tmpfs
                            target: /run/postgresql
                    """);

            assertThat(service(file, "db").volumes()).containsExactly(
                    new VolumeMount("pgdata", "/var/lib/postgresql/data", true),
                    new VolumeMount("./seed", "/docker-entrypoint-initdb.d", false),
                    new VolumeMount("archive", "/archive", true));
        }

        @Test
        void givenTopLevelVolumes_whenRead_thenTheirNamesComeInFileOrder() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                    volumes:
                      pg_data:
                      archive: {}
                      backups:
                        driver: local
                    """);

            assertThat(composeFile.read(file).volumes()).containsExactly("pg_data", "archive", "backups");
        }

        @Test
        void givenBareOrMissingTopLevelVolumes_whenRead_thenNoVolumeIsDeclared() throws IOException {
            Path bare = write("services:\n  db:\n    image: postgres:16-alpine\nvolumes:\n");
            assertThat(composeFile.read(bare).volumes()).isEmpty();

            Path missing = write("services:\n  db:\n    image: postgres:16-alpine\n");
            assertThat(composeFile.read(missing).volumes()).isEmpty();
        }

        @Test
        void givenTopLevelVolumesAsList_whenRead_thenInvalidInputSaysItIsNotAMapping() throws IOException {
            Path file = write("services:\n  db:\n    image: postgres:16-alpine\nvolumes:\n  - pg_data\n");

            assertThatThrownBy(() -> composeFile.read(file))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + " has a top-level volumes: that is not a mapping of volume names");
        }

        @Test
        void givenSettingsMergedFromAnAnchor_whenRead_thenTheServiceHasThem() throws IOException {
            Path file = write("""
                    x-app: &app
                      image: api:1
                      env_file: app.env
                    services:
                      worker:
                        <<: *app
                        command: worker
                    """);

            ComposeService worker = service(file, "worker");

            assertThat(worker.image()).isEqualTo("api:1");
            assertThat(worker.envFiles()).containsExactly(directory.resolve("app.env"));
        }

        @Test
        void givenMissingFile_whenRead_thenInvalidInputSaysItDoesNotExist() {
            Path missing = directory.resolve("docker-compose.yml");

            assertThatThrownBy(() -> composeFile.read(missing))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + missing + " does not exist; pass the path of the stack's docker-compose.yml");
        }

        @Test
        void givenDirectory_whenRead_thenInvalidInputAsksForTheFileInside() {
            assertThatThrownBy(() -> composeFile.read(directory))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("is a directory");
        }

        @Test
        void givenBrokenYaml_whenRead_thenInvalidInputNamesTheFileLineAndColumn() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                         ports: ["5432:5432"]
                    """);

            assertThatThrownBy(() -> composeFile.read(file))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("compose file " + file + " is not valid YAML: ")
                    .hasMessageEndingWith(" at line 4, column 11")
                    .message().doesNotContain("\n");
        }

        @Test
        void givenDuplicateKey_whenRead_thenInvalidInputNamesItsLine() throws IOException {
            Path file = write("""
                    services:
                      db:
                        image: postgres:16-alpine
                        image: postgres:17-alpine
                    """);

            assertThatThrownBy(() -> composeFile.read(file))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("duplicate key image")
                    .hasMessageContaining("line 4");
        }

        @Test
        void givenFileWithoutServicesMapping_whenRead_thenInvalidInputSaysSo() throws IOException {
            Path file = write("""
                    version: "3.8"
                    volumes:
                      pgdata:
                    """);

            assertThatThrownBy(() -> composeFile.read(file))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("compose file " + file + " has no services: mapping");
        }

        @Test
        void givenServicesAsList_whenRead_thenInvalidInputSaysThereIsNoServicesMapping() throws IOException {
            Path file = write("""
                    services:
                      - db
                    """);

            assertThatThrownBy(() -> composeFile.read(file))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("has no services: mapping");
        }

        @Test
        void givenEnvFileEntryOfAnotherShape_whenRead_thenInvalidInputNamesTheService() throws IOException {
            Path file = write("""
                    services:
                      api:
                        image: api:1
                        env_file:
                          - required: true
                    """);

            assertThatThrownBy(() -> composeFile.read(file))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file
                            + ": service 'api' has an env_file entry that is neither a path nor a {path: ...} mapping");
        }
    }

    @Nested
    class ReplaceImage {

        /** The db service sits between two services with image lines of their own, one with the very same value. */
        private static final String STACK = """
                # Makapix production stack
                name: makapix

                x-notes:
                  image: not-a-service

                services:
                  migrate:
                    image: postgres:16-alpine   # runs psql only
                    command: ["psql", "-f", "/migrate.sql"]

                  db:
                    # image: foo
                    labels:
                      image: postgres:16-alpine
                    image: {{db}}   # pinned by ops, see RUNBOOK
                    volumes:
                      - pgdata:/var/lib/postgresql/data   # the data

                  # the API
                  api:
                    image: upshift-testbed/app:1
                    depends_on:
                      db:
                        condition: service_healthy

                volumes:
                  pgdata:
                """;

        @Test
        void givenCommentedStack_whenReplaceImage_thenOnlyThatServicesValueChangesAndEveryOtherByteIsKept() throws IOException {
            Path file = write(STACK.replace("{{db}}", "postgres:16-alpine"));

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(Files.readString(file)).isEqualTo(STACK.replace("{{db}}", "postgres:17-alpine"));
        }

        @Test
        void givenCommentedStack_whenReplaceImage_thenThePreviousValueIsReturned() throws IOException {
            Path file = write(STACK.replace("{{db}}", "postgres:16-alpine"));

            assertThat(composeFile.replaceImage(file, "db", "postgres:17-alpine")).isEqualTo("postgres:16-alpine");
        }

        @Test
        void givenCommentedStack_whenReplaceImage_thenTheFileReadsWithTheNewImage() throws IOException {
            Path file = write(STACK.replace("{{db}}", "postgres:16-alpine"));

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            ComposeProject project = composeFile.read(file);
            assertThat(project.service("db").orElseThrow().image()).isEqualTo("postgres:17-alpine");
            assertThat(project.service("migrate").orElseThrow().image()).isEqualTo("postgres:16-alpine");
        }

        @Test
        void givenCrlfLineEndings_whenReplaceImage_thenEveryLineEndingIsKept() throws IOException {
            String template = STACK.replace("\n", "\r\n");
            Path file = write(template.replace("{{db}}", "postgres:16-alpine"));

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(Files.readString(file)).isEqualTo(template.replace("{{db}}", "postgres:17-alpine"));
        }

        @Test
        void givenDoubleQuotedImage_whenReplaceImage_thenTheNewValueIsDoubleQuotedToo() throws IOException {
            Path file = write(STACK.replace("{{db}}", "\"postgres:16-alpine\""));

            String previous = composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(previous).isEqualTo("postgres:16-alpine");
            assertThat(Files.readString(file)).isEqualTo(STACK.replace("{{db}}", "\"postgres:17-alpine\""));
        }

        @Test
        void givenSingleQuotedImage_whenReplaceImage_thenTheNewValueIsSingleQuotedToo() throws IOException {
            Path file = write(STACK.replace("{{db}}", "'postgres:16-alpine'"));

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(Files.readString(file)).isEqualTo(STACK.replace("{{db}}", "'postgres:17-alpine'"));
        }

        @Test
        void givenImageOnTheLastLineWithoutNewline_whenReplaceImage_thenNoNewlineIsAdded() throws IOException {
            Path file = write("services:\n  db:\n    image: postgres:16-alpine");

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(Files.readString(file)).isEqualTo("services:\n  db:\n    image: postgres:17-alpine");
        }

        @Test
        void givenByteOrderMarkAndQuotedServiceKey_whenReplaceImage_thenBothAreKept() throws IOException {
            Path file = write("\uFEFFservices:\n  \"db\":\n    image: postgres:16-alpine\n");

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(Files.readString(file)).isEqualTo("\uFEFFservices:\n  \"db\":\n    image: postgres:17-alpine\n");
        }

        @Test
        void givenGroupReadablePermissions_whenReplaceImage_thenThePermissionsAreKept() throws IOException {
            Path file = write(STACK.replace("{{db}}", "postgres:16-alpine"));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        }

        @Test
        void givenComposeFileReachedThroughSymbolicLink_whenReplaceImage_thenTheLinkStaysALinkAndItsTargetChanges()
                throws IOException {
            Path target = write(STACK.replace("{{db}}", "postgres:16-alpine"));
            Path link = Files.createSymbolicLink(directory.resolve("compose.yml"), target);

            composeFile.replaceImage(link, "db", "postgres:17-alpine");

            assertThat(Files.isSymbolicLink(link)).isTrue();
            assertThat(Files.readString(target)).isEqualTo(STACK.replace("{{db}}", "postgres:17-alpine"));
        }

        @Test
        void givenSuccessfulReplacement_whenListingTheDirectory_thenNoTemporaryFileIsLeft() throws IOException {
            Path file = write(STACK.replace("{{db}}", "postgres:16-alpine"));

            composeFile.replaceImage(file, "db", "postgres:17-alpine");

            try (var files = Files.list(directory)) {
                assertThat(files).containsExactly(file);
            }
        }

        @Test
        void givenUnknownService_whenReplaceImage_thenInvalidInputListsTheServicesAndTheFileIsUntouched() throws IOException {
            String original = STACK.replace("{{db}}", "postgres:16-alpine");
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceImage(file, "database", "postgres:17-alpine"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("compose file " + file + " has no service 'database'; its services are migrate, db, api");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenServiceWithoutImage_whenReplaceImage_thenInvalidInputSaysItIsBuiltFromSource() throws IOException {
            Path file = write("""
                    services:
                      api:
                        build: ./api
                    """);

            assertThatThrownBy(() -> composeFile.replaceImage(file, "api", "api:2"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("service 'api' has no image:");
        }

        @Test
        void givenImageMergedFromAnAnchor_whenReplaceImage_thenInvalidInputAndTheFileIsUntouched() throws IOException {
            String original = """
                    x-db: &db
                      image: postgres:16-alpine
                    services:
                      db:
                        <<: *db
                    """;
            Path file = write(original);

            assertThatThrownBy(() -> composeFile.replaceImage(file, "db", "postgres:17-alpine"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("change it by hand");
            assertThat(Files.readString(file)).isEqualTo(original);
        }

        @Test
        void givenImageReferenceWithBlanks_whenReplaceImage_thenInvalidInput() throws IOException {
            Path file = write(STACK.replace("{{db}}", "postgres:16-alpine"));

            assertThatThrownBy(() -> composeFile.replaceImage(file, "db", "postgres 17"))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("is not valid");
        }
    }

    /** The test bed's own compose file, copied so the repository's stays untouched. */
    @Nested
    class TestbedStack {

        private Path copyOfTestbedCompose() throws IOException {
            Path original = SampleStack.repositoryRoot().resolve("testbed/stack/compose.yml");
            return Files.copy(original, directory.resolve("compose.yml"));
        }

        @Test
        void givenTestbedComposeFile_whenRead_thenItsServicesComeInFileOrder() throws IOException {
            ComposeProject project = composeFile.read(copyOfTestbedCompose());

            assertThat(project.name()).isEqualTo("makapix");
            assertThat(project.services()).extracting(ComposeService::name).containsExactly("db", "api", "worker", "web");
        }

        @Test
        void givenTestbedComposeFile_whenRead_thenTheDatabaseHasItsEnvFileAndNamedDataVolume() throws IOException {
            ComposeService db = service(copyOfTestbedCompose(), "db");

            assertThat(db.envFiles()).containsExactly(directory.resolve("db.env"));
            assertThat(db.volumes()).contains(new VolumeMount("pg_data", "/var/lib/postgresql/data", true));
        }

        @Test
        void givenTestbedComposeFile_whenReplaceImage_thenOnlyTheDatabaseImageValueChanges() throws IOException {
            Path file = copyOfTestbedCompose();
            String before = Files.readString(file);
            String imageLine = "    image: upshift-testbed/postgres:15\n";

            String previous = composeFile.replaceImage(file, "db", "upshift-testbed/postgres:17");

            assertThat(previous).isEqualTo("upshift-testbed/postgres:15");
            assertThat(before).containsOnlyOnce(imageLine);
            assertThat(Files.readString(file)).isEqualTo(before.replace(imageLine, "    image: upshift-testbed/postgres:17\n"));
        }
    }

    private ComposeService service(Path file, String name) {
        return composeFile.read(file).service(name).orElseThrow();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("docker-compose.yml"), content, StandardCharsets.UTF_8);
    }
}
