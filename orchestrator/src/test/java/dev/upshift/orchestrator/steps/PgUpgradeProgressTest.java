package dev.upshift.orchestrator.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * What 3.5's one-off printed, captured whole from the test bed's upgrade image (15 → 17, a 1.6 GB table among others,
 * a large object, an unlogged table), read as progress: its script's count of the files first, then pg_upgrade's
 * verbose lines, one per file.
 */
class PgUpgradeProgressTest {

    @Test
    void givenACopyWhenPgUpgradeNamesEachFileThenTheFilesBeforeItAreDoneOfAllTheScriptCounted() throws IOException {
        Reports reports = read("copy", "verbose-15-to-17-copy.txt");

        assertThat(reports.meters()).containsExactly("copying 27 files");
        assertThat(reports.done()).as("every file pg_upgrade copied, the count exact").isEqualTo(upTo(27));
    }

    @Test
    void givenALinkWhenPgUpgradeNamesEachFileThenItIsLinkingThem() throws IOException {
        Reports reports = read("link", "verbose-15-to-17-link.txt");

        assertThat(reports.meters()).containsExactly("linking 27 files");
        assertThat(reports.done()).isEqualTo(upTo(27));
    }

    @Test
    void givenNoCountWhenPgUpgradeNamesFilesThenNothingIsReported() {
        List<String> meters = new ArrayList<>();
        PgUpgradeProgress progress = new PgUpgradeProgress("copy", (activity, total, unit) -> {
            meters.add(activity);
            return done -> meters.add("reported");
        });

        progress.accept("copying \"/upshift/old/base/1/2613\" to \"/upshift/new/base/1/2613\"");

        assertThat(meters).isEmpty();
    }

    /** The meters made, "activity total unit", and what each was told was done. */
    private record Reports(List<String> meters, List<Long> done) {
    }

    private static Reports read(String transfer, String capture) throws IOException {
        Reports reports = new Reports(new ArrayList<>(), new ArrayList<>());
        PgUpgradeProgress progress = new PgUpgradeProgress(transfer, (activity, total, unit) -> {
            reports.meters().add(activity + " " + total + " " + unit);
            return reports.done()::add;
        });
        captured(capture).lines().forEach(progress);
        return reports;
    }

    private static List<Long> upTo(long files) {
        return LongStream.range(0, files).boxed().toList();
    }

    private static String captured(String file) throws IOException {
        try (InputStream output = PgUpgradeProgressTest.class.getResourceAsStream("/pg_upgrade/" + file)) {
            return new String(output.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
