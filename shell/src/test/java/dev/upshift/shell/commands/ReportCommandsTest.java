package dev.upshift.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.upshift.audit.integrity.ChainVerdict;
import dev.upshift.audit.integrity.ChainVerifier;
import dev.upshift.orchestrator.SamplePlans;
import dev.upshift.orchestrator.api.queries.FindUpgradeAt;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.shell.render.SamplePostMortems;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandsTest {

    private final QueryGateway queries = mock(QueryGateway.class);
    private final Upgrades upgrades = mock(Upgrades.class);
    private final ChainVerifier verifier = mock(ChainVerifier.class);
    private final ReportCommands commands = new ReportCommands(queries, upgrades, verifier);

    @TempDir
    Path directory;

    @BeforeEach
    void intactHistory() {
        when(verifier.verify(SamplePlans.UPGRADE_ID)).thenReturn(List.of(new ChainVerdict(SamplePlans.UPGRADE_ID,
                ChainVerdict.Status.INTACT, 40, 0, "3f".repeat(32), null)));
    }

    @Test
    void givenAnOutFileWhenReportingThenTheMarkdownLinksTheTimelineWrittenBesideIt() throws Exception {
        when(upgrades.plan(SamplePlans.UPGRADE_ID)).thenReturn(SamplePlans.makapix());
        when(queries.query(eq(new FindUpgradeAt(SamplePlans.UPGRADE_ID, null)), any(Class.class)))
                .thenReturn(CompletableFuture.completedFuture(SamplePostMortems.completed()));
        Path report = directory.resolve("post-mortem.md");

        String said = commands.report(SamplePlans.UPGRADE_ID, report.toString());

        Path timeline = directory.resolve("makapix-pg17-timeline.svg");
        assertThat(said).isEqualTo("Wrote " + report + " and " + timeline);
        assertThat(Files.readString(report)).contains("![Timeline of makapix-pg17](makapix-pg17-timeline.svg)",
                "Actual Downtime", "head digest " + "3f".repeat(32));
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(timeline.toFile())
                .getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void givenADirectoryThatDoesNotExistWhenReportingThenItIsBadInput() {
        when(upgrades.plan(SamplePlans.UPGRADE_ID)).thenReturn(SamplePlans.makapix());
        when(queries.query(eq(new FindUpgradeAt(SamplePlans.UPGRADE_ID, null)), any(Class.class)))
                .thenReturn(CompletableFuture.completedFuture(SamplePostMortems.completed()));

        assertThatThrownBy(() -> commands.report(SamplePlans.UPGRADE_ID,
                        directory.resolve("nowhere/post-mortem.md").toString()))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("cannot write " + directory.resolve("nowhere"));
    }
}
