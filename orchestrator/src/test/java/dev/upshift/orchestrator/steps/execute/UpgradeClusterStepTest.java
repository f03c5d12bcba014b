package dev.upshift.orchestrator.steps.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.orchestrator.api.ClusterSettings;
import org.junit.jupiter.api.Test;

/** The new cluster repeats the old one's settings, or pg_upgrade refuses it. */
class UpgradeClusterStepTest {

    @Test
    void givenAClusterWithoutChecksumsWhenInitialisingA17ThenChecksumsStayOffByDefault() {
        assertThat(UpgradeClusterStep.initdbArguments(new ClusterSettings("UTF8", "en_US.utf8", "en_US.utf8", "libc", false), 17))
                .isEqualTo("--encoding=UTF8 --lc-collate=en_US.utf8 --lc-ctype=en_US.utf8 --locale-provider=libc");
    }

    @Test
    void givenAClusterWithoutChecksumsWhenInitialisingAn18ThenTheirNewDefaultIsTurnedOff() {
        assertThat(UpgradeClusterStep.initdbArguments(new ClusterSettings("UTF8", "C", "C", "libc", false), 18))
                .endsWith(" --no-data-checksums");
    }

    @Test
    void givenAClusterWithChecksumsWhenInitialisingThenTheNewOneHasThemToo() {
        assertThat(UpgradeClusterStep.initdbArguments(new ClusterSettings("SQL_ASCII", "C", "C", "libc", true), 17))
                .isEqualTo("--encoding=SQL_ASCII --lc-collate=C --lc-ctype=C --locale-provider=libc --data-checksums");
    }
}
