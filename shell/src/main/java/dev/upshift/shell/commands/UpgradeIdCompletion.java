package dev.upshift.shell.commands;

import java.util.List;

import dev.upshift.orchestrator.api.queries.ListUpgrades;
import dev.upshift.orchestrator.api.queries.UpgradeView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.completion.CompletionProvider;
import org.springframework.stereotype.Component;

/**
 * Tab in the interactive shell proposes the upgrades in the store, each with its status, for every option that
 * names an existing upgrade: {@code @OptionValues(provider = UpgradeIdCompletion.BEAN)}.
 */
@Component(UpgradeIdCompletion.BEAN)
public class UpgradeIdCompletion implements CompletionProvider {

    public static final String BEAN = "upgradeIds";

    private final QueryGateway queries;

    public UpgradeIdCompletion(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<CompletionProposal> apply(CompletionContext context) {
        return queries.query(new ListUpgrades(), ResponseTypes.multipleInstancesOf(UpgradeView.class)).join().stream()
                .map(upgrade -> new CompletionProposal(upgrade.upgradeId()).description(upgrade.status().label()))
                .toList();
    }
}
