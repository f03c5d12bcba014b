package dev.upshift.orchestrator.adapters.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;
import dev.upshift.orchestrator.ports.ComposeProject.VolumeMount;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rehearsal's compose file: the sample stack's database alone, usable from anywhere, editable as the original is. */
class YamlComposeFileServiceCopyTest {

    private static final Path SAMPLE = SampleStack.repositoryRoot().resolve("testbed/stack/compose.yml");

    private final YamlComposeFile composeFile = new YamlComposeFile();

    @TempDir
    Path directory;

    @Test
    void givenTheSampleStackWhenTheDatabaseIsCopiedThenTheCopyHoldsItAloneWithAbsolutePathsAndItsVolumeDeclared()
            throws IOException {
        byte[] before = Files.readAllBytes(SAMPLE);
        Path copy = directory.resolve("compose.yml");

        composeFile.writeServicesCopy(SAMPLE, List.of("db"), "makapix-rehearsal", copy);

        ComposeProject written = composeFile.read(copy);
        assertThat(written.name()).isEqualTo("makapix-rehearsal");
        assertThat(written.services()).extracting(ComposeService::name).containsExactly("db");
        ComposeService db = written.service("db").orElseThrow();
        assertThat(db.image()).isEqualTo("upshift-testbed/postgres:15");
        assertThat(db.envFiles()).containsExactly(SAMPLE.getParent().resolve("db.env"));
        assertThat(db.volumes()).containsExactly(new VolumeMount("pg_data", "/var/lib/postgresql/data", true),
                new VolumeMount(SAMPLE.getParent().resolve("seed").toString(), "/docker-entrypoint-initdb.d", false));
        assertThat(written.volumes()).containsExactly("pg_data");
        assertThat(Files.readString(copy)).contains("retries: 5", "$${POSTGRES_USER}")
                .doesNotContain("depends_on", "api:", "worker:");
        assertThat(Files.readAllBytes(SAMPLE)).isEqualTo(before);
    }

    @Test
    void givenTheDatabaseAndADependentWhenCopiedThenTheDependentKeepsItsDependencyOnTheDatabaseOnly() throws IOException {
        Path copy = directory.resolve("compose.yml");

        composeFile.writeServicesCopy(SAMPLE, List.of("db", "api", "web"), "makapix-rehearsal", copy);

        ComposeProject written = composeFile.read(copy);
        assertThat(written.services()).extracting(ComposeService::name).containsExactly("db", "api", "web");
        assertThat(written.service("api").orElseThrow().dependsOn()).containsExactly("db");
        assertThat(written.service("web").orElseThrow().dependsOn()).containsExactly("api");
        assertThat(written.service("api").orElseThrow().envFiles()).containsExactly(SAMPLE.getParent().resolve("app.env"));
    }

    @Test
    void givenTheCopyWhenAnUpgradeEditsItThenImageAndVolumeChangeAsInTheOriginal() throws IOException {
        Path copy = directory.resolve("compose.yml");
        composeFile.writeServicesCopy(SAMPLE, List.of("db"), "makapix-rehearsal", copy);

        composeFile.replaceImage(copy, "db", "upshift-testbed/postgres:17");
        composeFile.replaceVolume(copy, "db", "pg_data", "pg_data_pg17");

        ComposeProject edited = composeFile.read(copy);
        assertThat(edited.service("db").orElseThrow().image()).isEqualTo("upshift-testbed/postgres:17");
        assertThat(edited.volumes()).isEqualTo(List.of("pg_data", "pg_data_pg17"));
    }
}
