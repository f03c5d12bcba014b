package dev.upshift.orchestrator.steps.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.orchestrator.api.ClusterSettings;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.steps.StepFailure;
import org.junit.jupiter.api.Test;

/** The new cluster repeats the old one's settings, or pg_upgrade refuses it, and lies where the new server looks. */
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
    void givenThe18LayoutWhenPlacingTheNewClusterThenItGoesWhereTheImagesPgdataWillFindItInTheVolume() {
        assertThat(UpgradeClusterStep.inVolume(new DataLayout("/var/lib/postgresql", "/var/lib/postgresql/18/docker")))
                .isEqualTo("/18/docker");
    }

    @Test
    void givenThePre18LayoutWhenPlacingAClusterThenItIsTheVolumesRoot() {
        assertThat(UpgradeClusterStep.inVolume(new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data")))
                .isEmpty();
    }

    @Test
    void givenAPgdataOutsideTheMountWhenPlacingAClusterThenTheStepFailsNamingBoth() {
        assertThatThrownBy(() -> UpgradeClusterStep.inVolume(new DataLayout("/var/lib/postgresql/data", "/srv/pg")))
                .isInstanceOf(StepFailure.class)
                .hasMessage("PGDATA /srv/pg is not inside the volume's mount /var/lib/postgresql/data");
    }

    @Test
    void givenAClusterWithChecksumsWhenInitialisingThenTheNewOneHasThemToo() {
        assertThat(UpgradeClusterStep.initdbArguments(new ClusterSettings("SQL_ASCII", "C", "C", "libc", true), 17))
                .isEqualTo("--encoding=SQL_ASCII --lc-collate=C --lc-ctype=C --locale-provider=libc --data-checksums");
    }
}
