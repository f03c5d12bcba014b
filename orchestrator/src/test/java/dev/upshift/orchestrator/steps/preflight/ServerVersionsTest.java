package dev.upshift.orchestrator.steps.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the pre-flight reads {@code postgres --version}, of the target image and of the upgrade image's two servers. */
class ServerVersionsTest {

    @Test
    void givenTwoServersVersionLinesWhenReadThenBothVersionsComeInOrder() {
        assertThat(ServerVersions.in("postgres (PostgreSQL) 15.18 (Debian 15.18-1.pgdg13+1)\n"
                + "postgres (PostgreSQL) 17.7 (Debian 17.7-3.pgdg13+1)\n")).containsExactly("15.18", "17.7");
    }

    @Test
    void givenAPreReleaseWhenReadThenItsMajorIsTheVersion() {
        assertThat(ServerVersions.in("postgres (PostgreSQL) 18beta1")).containsExactly("18");
        assertThat(ServerVersions.major("18")).isEqualTo(18);
        assertThat(ServerVersions.major("17.7")).isEqualTo(17);
    }

    @Test
    void givenNoServerWhenReadThenThereIsNoVersion() {
        assertThat(ServerVersions.in("sh: postgres: not found")).isEmpty();
    }
}
