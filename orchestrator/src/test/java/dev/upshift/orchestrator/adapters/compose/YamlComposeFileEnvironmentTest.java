package dev.upshift.orchestrator.adapters.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.upshift.orchestrator.ports.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PGDATA set in a service's environment (pg_upgrade's link: the new cluster beside the old), nothing else touched. */
class YamlComposeFileEnvironmentTest {

    private static final String NEW_CLUSTER = "/var/lib/postgresql/data/17/docker";

    private final YamlComposeFile composeFile = new YamlComposeFile();

    @TempDir
    Path directory;

    @Test
    void givenNoEnvironmentWhenPgdataIsSetThenAnEnvironmentBlockEndsTheServiceAndTheRestIsByteIdentical() throws IOException {
        Path file = write(stack("    env_file: db.env   # the credentials\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n"));

        composeFile.setEnvironmentPath(file, "db", "PGDATA", NEW_CLUSTER);

        assertThat(Files.readString(file)).isEqualTo(stack("    env_file: db.env   # the credentials\n    healthcheck:\n"
                + "      test: [\"CMD\", \"true\"]\n    environment:\n      PGDATA: " + NEW_CLUSTER + "\n"));
        assertThat(composeFile.read(file).service("db").orElseThrow().environment()).containsEntry("PGDATA", NEW_CLUSTER);
    }

    @Test
    void givenAMappingWhenPgdataIsSetThenItIsOneMoreEntryAtTheEntriesIndent() throws IOException {
        Path file = write(stack("    environment:   # ours\n        TZ: UTC\n"));

        composeFile.setEnvironmentPath(file, "db", "PGDATA", NEW_CLUSTER);

        assertThat(Files.readString(file)).isEqualTo(stack("    environment:   # ours\n        PGDATA: " + NEW_CLUSTER
                + "\n        TZ: UTC\n"));
    }

    @Test
    void givenAListWhenPgdataIsSetThenItIsOneMoreAssignment() throws IOException {
        Path file = write(stack("    environment:\n      - TZ=UTC\n"));

        composeFile.setEnvironmentPath(file, "db", "PGDATA", NEW_CLUSTER);

        assertThat(Files.readString(file)).isEqualTo(stack("    environment:\n      - PGDATA=" + NEW_CLUSTER + "\n      - TZ=UTC\n"));
        assertThat(composeFile.read(file).service("db").orElseThrow().environment())
                .containsEntry("PGDATA", NEW_CLUSTER).containsEntry("TZ", "UTC");
    }

    @Test
    void givenPgdataSetSoAlreadyWhenSetAgainThenTheFileIsByteIdentical() throws IOException {
        String set = stack("    environment:\n      PGDATA: " + NEW_CLUSTER + "\n");
        Path file = write(set);

        composeFile.setEnvironmentPath(file, "db", "PGDATA", NEW_CLUSTER);

        assertThat(Files.readString(file)).isEqualTo(set);
    }

    @Test
    void givenTheOperatorsOwnPgdataWhenSetThenInvalidInputAndTheFileIsUntouched() throws IOException {
        String own = stack("    environment:\n      PGDATA: /var/lib/postgresql/data/pgdata\n");
        Path file = write(own);

        assertThatThrownBy(() -> composeFile.setEnvironmentPath(file, "db", "PGDATA", NEW_CLUSTER))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("compose file " + file + ": service 'db' sets PGDATA=/var/lib/postgresql/data/pgdata and "
                        + "Upshift must set it to " + NEW_CLUSTER + "; remove it from the environment: or change it by hand");
        assertThat(Files.readString(file)).isEqualTo(own);
    }

    @Test
    void givenAFlowStyleEnvironmentWhenSetThenInvalidInputAndTheFileIsUntouched() throws IOException {
        String flow = stack("    environment: {TZ: UTC}\n");
        Path file = write(flow);

        assertThatThrownBy(() -> composeFile.setEnvironmentPath(file, "db", "PGDATA", NEW_CLUSTER))
                .isInstanceOf(InvalidInput.class).hasMessageEndingWith("add PGDATA: " + NEW_CLUSTER + " by hand");
        assertThat(Files.readString(file)).isEqualTo(flow);
    }

    private static String stack(String dbSettings) {
        return """
                services:
                  db:
                    image: postgres:17
                    volumes:
                      - pg_data:/var/lib/postgresql/data
                """ + dbSettings + """

                  api:
                    image: app:1
                    environment:
                      PGAPPNAME: api
                volumes:
                  pg_data:
                """;
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("compose.yml"), content, StandardCharsets.UTF_8);
    }
}
