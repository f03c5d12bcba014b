package dev.upshift.orchestrator.steps.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.ContainerSpec;
import dev.upshift.orchestrator.api.DataLayout;
import dev.upshift.orchestrator.api.UpgradePlan;
import org.junit.jupiter.api.Test;

/**
 * The new server's container: the old one's configuration, the new volume where the target image keeps its data;
 * and the full rollback's, the old version on a fresh volume.
 */
class NewServerTest {

    private static final UpgradePlan PLAN = SamplePlans.makapix();
    private static final String NEW_VOLUME = "makapix_pg_data_pg18";
    private static final DataLayout PRE_18 = new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data");
    private static final DataLayout IMAGE_18 = new DataLayout("/var/lib/postgresql", "/var/lib/postgresql/18/docker");

    @Test
    void givenAMovedLayoutWhenSpecifyingTheNewServerThenTheNewVolumeIsAtTheNewMountAndTheSeedIsLeftOut() {
        ContainerSpec spec = NewServer.spec(oldSpec(null), PLAN, NEW_VOLUME, PRE_18, IMAGE_18);

        assertThat(spec.image()).isEqualTo(PLAN.targetImage());
        assertThat(spec.mounts()).containsExactly(
                new ContainerSpec.Mount("volume", NEW_VOLUME, "/var/lib/postgresql", false),
                new ContainerSpec.Mount("bind", "/opt/makapix/conf", "/etc/makapix", true));
    }

    @Test
    void givenAPgdataIntoTheOldLayoutWhenTheLayoutMovesThenItIsLeftOutForTheImagesOwn() {
        ContainerSpec spec = NewServer.spec(oldSpec("/var/lib/postgresql/data/pgdata"), PLAN, NEW_VOLUME, PRE_18, IMAGE_18);

        assertThat(spec.environment()).doesNotContainKey("PGDATA").containsEntry("POSTGRES_USER", "owner");
    }

    @Test
    void givenAPgdataOutsideTheOldMountWhenTheLayoutMovesThenItStays() {
        ContainerSpec spec = NewServer.spec(oldSpec("/srv/elsewhere"), PLAN, NEW_VOLUME, PRE_18, IMAGE_18);

        assertThat(spec.environment()).containsEntry("PGDATA", "/srv/elsewhere");
    }

    @Test
    void givenTheSameLayoutWhenSpecifyingTheNewServerThenTheMountTargetAndPgdataStay() {
        ContainerSpec spec = NewServer.spec(oldSpec("/var/lib/postgresql/data/pgdata"), PLAN, NEW_VOLUME, PRE_18, PRE_18);

        assertThat(spec.mounts()).contains(new ContainerSpec.Mount("volume", NEW_VOLUME, "/var/lib/postgresql/data", false));
        assertThat(spec.environment()).containsEntry("PGDATA", "/var/lib/postgresql/data/pgdata");
    }

    @Test
    void givenNoLayoutRecordedWhenSpecifyingTheNewServerThenTheOldMountTargetStays() {
        ContainerSpec spec = NewServer.spec(oldSpec(null), PLAN, NEW_VOLUME, null, null);

        assertThat(spec.mounts()).contains(new ContainerSpec.Mount("volume", NEW_VOLUME, "/var/lib/postgresql/data", false));
    }

    @Test
    void givenAFreshVolumeWhenTheOldVersionServesItThenItIsMountedWhereTheOldWasOnTheSameImageWithoutTheSeed() {
        ContainerSpec old = oldSpec(null);

        ContainerSpec spec = NewServer.serving(old, PLAN, old.image(), "makapix_pg_data_restored_to17", null);

        assertThat(spec.image()).isEqualTo(PLAN.sourceImage());
        assertThat(spec.mounts()).containsExactly(
                new ContainerSpec.Mount("volume", "makapix_pg_data_restored_to17", "/var/lib/postgresql/data", false),
                new ContainerSpec.Mount("bind", "/opt/makapix/conf", "/etc/makapix", true));
    }

    private static ContainerSpec oldSpec(String pgdata) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("POSTGRES_USER", "owner");
        if (pgdata != null) {
            environment.put("PGDATA", pgdata);
        }
        return new ContainerSpec("makapix-db-1", PLAN.sourceImage(), "sha256:16", environment, null, null, Map.of(),
                List.of(), List.of(
                        new ContainerSpec.Mount("bind", "/opt/makapix/seed", "/docker-entrypoint-initdb.d", true),
                        new ContainerSpec.Mount("volume", PLAN.volume(), "/var/lib/postgresql/data", false),
                        new ContainerSpec.Mount("bind", "/opt/makapix/conf", "/etc/makapix", true)),
                List.of(), null, "unless-stopped", null, null);
    }
}
