package dev.upshift.orchestrator.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the new server keeps its cluster, against the old server's layout and the target image's. */
class DataLayoutTest {

    private static final DataLayout PRE_18 = new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data");
    private static final DataLayout IMAGE_18 = new DataLayout("/var/lib/postgresql", "/var/lib/postgresql/18/docker");

    @Test
    void givenThePre18MountWhenTheTargetImageKeepsItsDataIn18sLayoutThenTheNewServerHasTheImagesLayout() {
        assertThat(PRE_18.on(IMAGE_18)).isEqualTo(IMAGE_18);
    }

    @Test
    void givenAPgdataBelowThePre18MountWhenTheTargetIs18ThenPgdataFollowsTheImage() {
        DataLayout subdirectory = new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data/pgdata");

        assertThat(subdirectory.on(IMAGE_18)).isEqualTo(IMAGE_18);
    }

    @Test
    void givenThePre18MountWhenTheTargetImageKeepsItsDataThereTooThenNothingMoves() {
        assertThat(PRE_18.on(new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data"))).isEqualTo(PRE_18);
    }

    @Test
    void givenAMountTheOperatorPlacedElsewhereWhenTheTargetIs18ThenTheirLayoutStays() {
        DataLayout own = new DataLayout("/srv/postgres", "/srv/postgres/cluster");

        assertThat(own.on(IMAGE_18)).isEqualTo(own);
    }

    @Test
    void givenATargetImageThatDeclaresNoLayoutWhenChoosingThenTheOldLayoutStays() {
        assertThat(PRE_18.on(null)).isEqualTo(PRE_18);
    }

    @Test
    void givenTheImagesLayoutAfterThePre18OneWhenComparedThenTheMountMoves() {
        assertThat(IMAGE_18.movesMountFrom(PRE_18)).isTrue();
        assertThat(PRE_18.movesMountFrom(PRE_18)).isFalse();
        assertThat(IMAGE_18.movesMountFrom(null)).as("a previous layout not recorded").isFalse();
    }

    @Test
    void given18sLayoutWhenLocatingTheClusterInTheVolumeThenItIsTwoDirectoriesDown() {
        assertThat(IMAGE_18.dataDirectoryInVolume()).isEqualTo("/18/docker");
        assertThat(PRE_18.dataDirectoryInVolume()).isEmpty();
    }

    @Test
    void givenAPgdataOutsideTheMountWhenLocatingTheClusterInTheVolumeThenThereIsNone() {
        assertThat(new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/database").dataDirectoryInVolume())
                .isNull();
    }
}
