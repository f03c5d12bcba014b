package dev.upshift.shell.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.upshift.audit.integrity.ChainVerifier;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.queries.FindUpgradeAt;
import dev.upshift.orchestrator.api.queries.UpgradeAt;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.shell.render.PostMortemReport;
import dev.upshift.shell.render.TimelineSvg;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;
import org.springframework.shell.command.annotation.OptionValues;

/** The post-mortem: a Markdown report shaped like the runbook, and its timeline as an SVG beside it. */
@Command(group = "Audit")
public class ReportCommands {

    private final QueryGateway queries;
    private final Upgrades upgrades;
    private final ChainVerifier verifier;

    public ReportCommands(QueryGateway queries, Upgrades upgrades, ChainVerifier verifier) {
        this.queries = queries;
        this.upgrades = upgrades;
        this.verifier = verifier;
    }

    @Command(command = "report", description = "Write an upgrade's post-mortem (Markdown) and its timeline (<id>-timeline.svg).")
    public String report(
            @OptionValues(provider = UpgradeIdCompletion.BEAN)
            @Option(longNames = "id", arity = OptionArity.EXACTLY_ONE, required = true, description = "the upgrade") String upgradeId,
            @Option(longNames = "out", description = "the Markdown file (default: print it; the SVG goes to the current directory)")
            String out) {
        UpgradePlan plan = upgrades.plan(upgradeId);
        UpgradeAt state = queries.query(new FindUpgradeAt(upgradeId, null), UpgradeAt.class).join();
        String timelineName = upgradeId + "-timeline.svg";
        String markdown = PostMortemReport.markdown(plan, state, timelineName, verifier.verify(upgradeId).get(0));
        String svg = TimelineSvg.render(upgradeId, state.log(), state.summary());
        Path markdownFile = out == null ? null : Path.of(out).toAbsolutePath();
        Path directory = markdownFile == null ? Path.of("").toAbsolutePath() : markdownFile.getParent();
        Path timeline = write(directory.resolve(timelineName), svg);
        if (markdownFile == null) {
            return markdown;
        }
        return "Wrote " + write(markdownFile, markdown) + " and " + timeline;
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException unwritable) {
            throw new InvalidInput("cannot write " + file + ": " + unwritable.getMessage());
        }
    }
}
