package dev.upshift.orchestrator.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.upshift.orchestrator.api.DataLayout;
import org.junit.jupiter.api.Test;

/** The data layout an image declares with its configuration: PGDATA and the VOLUME that holds it. */
class ImageInfoTest {

    @Test
    void givenThe18ImagesPgdataAndVolumeWhenReadingItsLayoutThenTheClusterIsBelowTheMount() {
        ImageInfo image = image(Map.of("PGDATA", "/var/lib/postgresql/18/docker"), List.of("/var/lib/postgresql"));

        assertThat(image.dataLayout()).contains(new DataLayout("/var/lib/postgresql", "/var/lib/postgresql/18/docker"));
    }

    @Test
    void givenSeveralVolumesHoldingPgdataWhenReadingItsLayoutThenTheInnermostIsTheMount() {
        ImageInfo image = image(Map.of("PGDATA", "/var/lib/postgresql/data"),
                List.of("/var/lib", "/var/lib/postgresql/data", "/var/lib/postgresql/datadir"));

        assertThat(image.dataLayout()).contains(new DataLayout("/var/lib/postgresql/data", "/var/lib/postgresql/data"));
    }

    @Test
    void givenAnImageWithoutPgdataOrWithoutAVolumeHoldingItWhenReadingItsLayoutThenItDeclaresNone() {
        assertThat(image(Map.of(), List.of("/var/lib/postgresql")).dataLayout()).isEmpty();
        assertThat(image(Map.of("PGDATA", "/var/lib/postgresql/data"), List.of("/srv")).dataLayout()).isEmpty();
    }

    private static ImageInfo image(Map<String, String> environment, List<String> volumes) {
        return new ImageInfo("sha256:18", List.of(), 0, environment, volumes);
    }
}
