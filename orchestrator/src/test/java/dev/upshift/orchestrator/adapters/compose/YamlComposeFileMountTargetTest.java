package dev.upshift.orchestrator.adapters.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.ports.InvalidInput;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PostgreSQL 18's layout in the compose file: the data volume mounted at /var/lib/postgresql, nothing else touched. */
class YamlComposeFileMountTargetTest {

    private static final String PRE_18 = "/var/lib/postgresql/data";
    /** 18's one mount; the test bed's own stack moves there in YamlComposeFileVolumeTest.TestbedStack. */
    private static final String FROM_18 = "/var/lib/postgresql";

    private final YamlComposeFile composeFile = new YamlComposeFile();

    @TempDir
    Path directory;

    @Test
    void givenAModeAndACommentWhenTheMountMovesThenBothStay() throws IOException {
        Path file = write(db("      - pg_data:/var/lib/postgresql/data:rw   # the cluster\n"));

        composeFile.replaceMountTarget(file, "db", "pg_data", FROM_18);

        assertThat(Files.readString(file)).isEqualTo(db("      - pg_data:/var/lib/postgresql:rw   # the cluster\n"));
    }

    @Test
    void givenAQuotedMountWhenTheMountMovesThenItStaysQuoted() throws IOException {
        Path file = write(db("      - \"pg_data:/var/lib/postgresql/data\"\n"));

        composeFile.replaceMountTarget(file, "db", "pg_data", FROM_18);

        assertThat(Files.readString(file)).isEqualTo(db("      - \"pg_data:/var/lib/postgresql\"\n"));
    }

    @Test
    void givenTheLongSyntaxWhenTheMountMovesThenOnlyTheTargetValueChanges() throws IOException {
        String template = """
                services:
                  db:
                    image: postgres:17
                    volumes:
                      - type: tmpfs
                        target: /run/postgresql
                      - read_only: false
                        target: {{target}}   # where the image wants it
                        source: pg_data
                volumes:
                  pg_data:
                """;
        Path file = write(template.replace("{{target}}", PRE_18));

        composeFile.replaceMountTarget(file, "db", "pg_data", FROM_18);

        assertThat(Files.readString(file)).isEqualTo(template.replace("{{target}}", FROM_18));
        assertThat(composeFile.read(file).service("db").orElseThrow().volumes())
                .contains(new VolumeMount("pg_data", FROM_18, true));
    }

    @Test
    void givenTheMountAtTheNewTargetAlreadyWhenMovedAgainThenTheFileIsByteIdentical() throws IOException {
        String moved = db("      - pg_data:/var/lib/postgresql\n");
        Path file = write(moved);

        composeFile.replaceMountTarget(file, "db", "pg_data", FROM_18);

        assertThat(Files.readString(file)).isEqualTo(moved);
    }

    @Test
    void givenARelativeTargetWhenMovingThenInvalidInputAndTheFileIsUntouched() throws IOException {
        assertRefusedLeavingTheFileUntouched(db("      - pg_data:/var/lib/postgresql/data\n"), "var/lib/postgresql")
                .hasMessage("mount target 'var/lib/postgresql' is not valid; pass an absolute path like /var/lib/postgresql");
    }

    @Test
    void givenAServiceThatDoesNotMountTheVolumeWhenMovingThenInvalidInputNamesWhatItMounts() throws IOException {
        assertRefusedLeavingTheFileUntouched(db("      - other:/var/lib/postgresql/data\n"), FROM_18)
                .hasMessage("compose file " + file() + ": service 'db' does not mount volume 'pg_data'; it mounts other");
    }

    @Test
    void givenAFlowStyleEntryWhenMovingThenInvalidInputAndTheFileIsUntouched() throws IOException {
        assertRefusedLeavingTheFileUntouched(
                db("      - {type: volume, source: pg_data, target: /var/lib/postgresql/data}\n"), FROM_18)
                .hasMessageStartingWith("compose file " + file() + ": the mount of volume 'pg_data' by service 'db' ")
                .hasMessageEndingWith("; change it by hand");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefusedLeavingTheFileUntouched(String original,
            String newTarget) throws IOException {
        Path file = write(original);
        AbstractThrowableAssert<?, ? extends Throwable> refusal = assertThatThrownBy(
                () -> composeFile.replaceMountTarget(file, "db", "pg_data", newTarget)).isInstanceOf(InvalidInput.class);
        assertThat(Files.readString(file)).isEqualTo(original);
        return refusal;
    }

    private static String db(String mountLine) {
        return """
                # the stack
                services:
                  db:
                    image: postgres:18
                    volumes:
                """ + mountLine + """
                      - ./seed:/docker-entrypoint-initdb.d:ro
                volumes:
                  pg_data:   # kept
                  other:
                """;
    }

    private Path file() {
        return directory.resolve("docker-compose.yml");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(file(), content, StandardCharsets.UTF_8);
    }
}
