package dev.upshift.orchestrator.adapters.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class LineTeeTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();
    private final LineTee tee = new LineTee(sink, lines::add);

    @Test
    void givenFramesThatCutLinesAndACharacterAnywhereWhenWrittenThenEachLineArrivesWholeAtItsNewline() throws IOException {
        byte[] output = "pg_restore: creating TABLE \"public.café\"\r\nsecond\nthird".getBytes(StandardCharsets.UTF_8);
        int cut = "pg_restore: creating TABLE \"public.caf".length() + 1; // inside the two bytes of é

        tee.write(Arrays.copyOfRange(output, 0, cut), 0, cut);
        assertThat(lines).isEmpty();
        tee.write(output, cut, output.length - cut);
        assertThat(lines).containsExactly("pg_restore: creating TABLE \"public.café\"", "second");
        tee.finish();

        assertThat(lines).containsExactly("pg_restore: creating TABLE \"public.café\"", "second", "third");
        assertThat(sink.toByteArray()).as("every byte passed on as it came").isEqualTo(output);
    }

    @Test
    void givenOutputEndingWithANewlineWhenFinishedThenNoEmptyLineIsAdded() throws IOException {
        tee.write('a');
        tee.write('\n');
        tee.finish();

        assertThat(lines).containsExactly("a");
    }
}
