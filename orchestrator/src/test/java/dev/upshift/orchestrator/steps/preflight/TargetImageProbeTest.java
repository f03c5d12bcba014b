package dev.upshift.orchestrator.steps.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.upshift.orchestrator.api.TargetImageContents;
import dev.upshift.orchestrator.steps.StepFailure;
import org.junit.jupiter.api.Test;

/** How 0.4 reads what a throwaway container of the target image listed. */
class TargetImageProbeTest {

    private static final String DEBIAN_17 = """
            postgres (PostgreSQL) 17.7 (Debian 17.7-3.pgdg13+1)
            libc: glibc 2.41
            lib: pg_stat_statements.so
            lib: pgoutput.so
            lib: pkgconfig
            extension: pg_trgm--1.5--1.6.sql
            extension: pg_trgm.control
            locale: C.utf8
            locale: en_US.utf8
            """;

    @Test
    void givenADebianImagesListingWhenParsedThenItsVersionLibcLibrariesExtensionFilesAndLocalesAreRead() {
        TargetImageContents target = TargetImageProbe.parse("upshift-testbed/postgres:17", DEBIAN_17);

        assertThat(target).isEqualTo(new TargetImageContents("17.7", "2.41", List.of("pg_stat_statements", "pgoutput"),
                List.of("pg_trgm--1.5--1.6.sql", "pg_trgm.control"), List.of("C.utf8", "en_US.utf8")));
        assertThat(target.majorVersion()).isEqualTo(17);
    }

    @Test
    void givenAnImageWithoutGlibcWhenParsedThenItsCLibraryIsUnknown() {
        assertThat(TargetImageProbe.parse("postgres:17-alpine", "postgres (PostgreSQL) 17.7\nlibc: \n").libcVersion()).isNull();
    }

    @Test
    void givenAnImageWithoutAServerWhenParsedThenTheStepFailsNamingIt() {
        assertThatThrownBy(() -> TargetImageProbe.parse("alpine:3", "sh: postgres: not found\n"))
                .isInstanceOf(StepFailure.class)
                .hasMessage("the target image alpine:3 has no PostgreSQL server: sh: postgres: not found");
    }
}
