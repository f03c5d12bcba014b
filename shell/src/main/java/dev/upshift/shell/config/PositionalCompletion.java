package dev.upshift.shell.config;

import java.util.Comparator;
import java.util.List;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.completion.CompletionResolver;
import org.springframework.stereotype.Component;

/**
 * Spring Shell completes an option's value only after the option's name ({@code log --id mak⇥}); this completes
 * it where the option is given by position too ({@code log mak⇥}), with the option's own completion. Upshift's
 * commands take their positional arguments first and one word each, so the n-th word is the n-th option.
 */
@Component
public class PositionalCompletion implements CompletionResolver {

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        CommandRegistration command = context.getCommandRegistration();
        int index = context.getWordIndex();
        if (command == null || index < 0 || index > context.getWords().size()
                || context.getWords().subList(0, index).stream().anyMatch(PositionalCompletion::isOption)
                || (context.currentWord() != null && isOption(context.currentWord()))) {
            return List.of();
        }
        List<CommandOption> byPosition = command.getOptions().stream()
                .filter(option -> option.getPosition() > -1)
                .sorted(Comparator.comparingInt(CommandOption::getPosition))
                .toList();
        if (index >= byPosition.size() || byPosition.get(index).getCompletion() == null) {
            return List.of();
        }
        CommandOption option = byPosition.get(index);
        return option.getCompletion().apply(context.commandOption(option));
    }

    private static boolean isOption(String word) {
        return word.startsWith("-");
    }
}
