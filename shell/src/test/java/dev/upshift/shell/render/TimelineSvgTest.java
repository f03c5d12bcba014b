package dev.upshift.shell.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.upshift.orchestrator.api.queries.UpgradeAt;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class TimelineSvgTest {

    @Test
    void givenACompletedUpgradeWhenDrawnThenEachPhaseIsABarAndTheDowntimeIsMarked() throws Exception {
        UpgradeAt completed = SamplePostMortems.completed();

        Document svg = parse(TimelineSvg.render("makapix-pg17", completed.log(), completed.summary()));

        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(String.join("\n", titles(svg))).containsSubsequence("Downtime 4m 0s",
                "Phase 0 Pre-flight checks: 2025-12-15 19:55:04 to 2025-12-15 19:55:11 UTC (7s, done)",
                "Phase 1 Backup (online)", "Phase 2 Prepare for upgrade", "Phase 3 Execute upgrade (downtime)",
                "Phase 4 Restore services", "Phase 5 Post-upgrade validation");
    }

    @Test
    void givenARolledBackUpgradeWhenDrawnThenTheFailedPhaseAndTheRollbackHaveBarsOfTheirOwn() throws Exception {
        UpgradeAt rolledBack = SamplePostMortems.rolledBack();

        Document svg = parse(TimelineSvg.render("makapix-pg17", rolledBack.log(), rolledBack.summary()));

        assertThat(titles(svg)).anyMatch(title -> title.startsWith("Phase 4 Restore services") && title.endsWith("failed)"))
                .anyMatch(title -> title.startsWith("Rollback: 2025-12-15 20:17:02"))
                .contains("Downtime 5m 15s");
    }

    @Test
    void givenMarkupInTheUpgradeIdOrNoStepsWhenDrawnThenTheSvgIsStillWellFormed() throws Exception {
        Document svg = parse(TimelineSvg.render("a<b>&\"c'", List.of(), null));

        assertThat(svg.getDocumentElement().getTextContent()).contains("a<b>&\"c'");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> titles(Document svg) {
        NodeList titles = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        List<String> texts = new ArrayList<>();
        for (int index = 0; index < titles.getLength(); index++) {
            texts.add(titles.item(index).getTextContent());
        }
        return texts.stream().collect(Collectors.toList());
    }
}
