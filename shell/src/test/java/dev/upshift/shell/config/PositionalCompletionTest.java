package dev.upshift.shell.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.command.CommandRegistration;

class PositionalCompletionTest {

    /** Like {@code log ID --json}: the id first, with the upgrade ids as its completion. */
    private static final CommandRegistration LOG = CommandRegistration.builder()
            .command("log")
            .withOption().longNames("id").position(0)
                    .completion(context -> List.of(new CompletionProposal("makapix-pg17"))).and()
            .withOption().longNames("json").position(1).type(boolean.class).and()
            .withTarget().function(context -> null).and()
            .build();

    private final PositionalCompletion completion = new PositionalCompletion();

    @Test
    void givenTheFirstWordAfterTheCommandWhenCompletingThenTheFirstOptionsCompletionProposes() {
        assertThat(values(List.of("mak"), 0)).containsExactly("makapix-pg17");
    }

    @Test
    void givenNothingTypedYetWhenCompletingThenTheFirstOptionsCompletionProposes() {
        assertThat(values(List.of(""), 0)).containsExactly("makapix-pg17");
    }

    @Test
    void givenAnOptionNameBeforeTheWordWhenCompletingThenItLeavesTheValueToSpringShell() {
        assertThat(values(List.of("--id", "mak"), 1)).isEmpty();
    }

    @Test
    void givenAWordThatStartsAnOptionNameWhenCompletingThenItProposesNoValue() {
        assertThat(values(List.of("--"), 0)).isEmpty();
    }

    @Test
    void givenTheSecondWordWhenCompletingThenTheSecondOptionWithoutCompletionProposesNothing() {
        assertThat(values(List.of("makapix-pg17", ""), 1)).isEmpty();
    }

    private List<String> values(List<String> words, int wordIndex) {
        CompletionContext context = new CompletionContext(words, wordIndex, words.get(wordIndex).length(), LOG, null);
        return completion.apply(context).stream().map(CompletionProposal::value).toList();
    }
}
