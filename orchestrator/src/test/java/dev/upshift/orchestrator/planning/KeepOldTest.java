package dev.upshift.orchestrator.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.upshift.orchestrator.StoredEventSerializer;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.ports.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code plan --keep-old}: a number with a unit or ISO-8601; anything else is refused in one line. */
class KeepOldTest {

    @ParameterizedTest
    @CsvSource({"20s, PT20S", "90m, PT1H30M", "24h, PT24H", "7d, PT168H", "7D, PT168H", " 24h , PT24H",
            "PT20S, PT20S", "pt20s, PT20S", "P7D, PT168H", "P1DT12H, PT36H", "P2W, PT336H"})
    void givenADurationWhenParsedThenItIsThatLong(String given, String expected) {
        assertThat(KeepOld.parse(given)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "7 days", "-1h", "0s", "PT0S", "P1M", "1w", "soon", "P-1D"})
    void givenSomethingElseWhenParsedThenItIsRefusedSayingWhatIsAccepted(String given) {
        assertThatThrownBy(() -> KeepOld.parse(given)).isInstanceOf(InvalidInput.class)
                .hasMessage("--keep-old takes a positive duration such as 20s, 90m, 24h, 7d or ISO-8601 (PT20S, P7D), not '"
                        + given + "'");
    }

    @Test
    void givenNoneWhenParsedThenTheRunbooksDefaultsApply() {
        assertThat(KeepOld.parse(null)).isNull();
    }

    @Test
    void givenAPlanRecordedBeforeKeepOldWhenReadThenItKeepsTheImageADayAndTheDataAWeek() throws Exception {
        String approved = Files.readString(Path.of("src/test/resources/events/UpgradePlanned.json"));
        String recordedBefore = approved.replaceAll(",\\s*\"keepOld\"\\s*:\\s*null", "");
        assertThat(recordedBefore).doesNotContain("keepOld");

        UpgradePlan plan = StoredEventSerializer.bootObjectMapper().readValue(recordedBefore, UpgradePlanned.class).plan();

        assertThat(plan.keepOldImage()).isEqualTo(Duration.ofHours(24));
        assertThat(plan.keepOldData()).isEqualTo(Duration.ofDays(7));
        assertThat(plan.keepingOldFor(Duration.ofSeconds(20)).keepOldData()).isEqualTo(Duration.ofSeconds(20));
    }
}
