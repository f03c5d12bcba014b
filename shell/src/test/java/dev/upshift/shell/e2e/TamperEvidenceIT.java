package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `upshift verify` on a real store whose rows were changed with SQL, as anyone with write access could. */
class TamperEvidenceIT {

    private static final Pattern HEAD = Pattern.compile("kept: intact, \\d+ events, head digest ([0-9a-f]{64})");

    @TempDir
    Path home;

    @Test
    void givenOneUpgradeEditedAndOneCutWhenVerifiedThenEachNamesItsFirstAlteredEventAndTheUntouchedOneIsIntact()
            throws Exception {
        try (SampleStack stack = SampleStack.start()) {
            Upshift upshift = Upshift.planned(home, stack, "upshift-testbed/postgres:17", "kept");
            Upshift.planned(home, stack, "upshift-testbed/postgres:17", "edited");
            Upshift.planned(home, stack, "upshift-testbed/postgres:17", "cut");
            for (String upgrade : new String[] {"kept", "edited", "cut"}) {
                assertThat(upshift.run("preflight", upgrade).exitCode()).isZero();
            }
            Upshift.Result untouched = upshift.run("verify");
            Matcher head = HEAD.matcher(untouched.stdout());
            Upshift.Result report = upshift.run("report", "kept", "--out", home.resolve("kept.md").toString());

            assertThat(untouched.exitCode()).as(untouched.toString()).isZero();
            assertThat(untouched.stdout()).contains("The history is intact.");
            assertThat(head.find()).as(untouched.toString()).isTrue();
            assertThat(report.exitCode()).as(report.toString()).isZero();
            assertThat(Files.readString(home.resolve("kept.md"))).contains("> **History:** kept: intact")
                    .contains(head.group(1));

            assertThat(upshift.alterStore("UPDATE domainevententry SET payload = ? WHERE aggregateIdentifier = "
                    + "'edited' AND sequenceNumber = 1", "{\"upgradeId\":\"edited\"}".getBytes(StandardCharsets.UTF_8)))
                    .isOne();
            assertThat(upshift.alterStore("DELETE FROM domainevententry WHERE aggregateIdentifier = 'cut' "
                    + "AND sequenceNumber = 2")).isOne();
            Upshift.Result altered = upshift.run("verify");
            Upshift.Result kept = upshift.run("verify", "kept");

            assertThat(altered.exitCode()).as(altered.toString()).isOne();
            assertThat(altered.stdout()).contains(
                    "edited: TAMPERED, event 1 (" + type(upshift, "edited", 1) + ") was changed or moved",
                    "cut: TAMPERED, event 2 (" + type(upshift, "kept", 2) + ") was removed",
                    "The history was altered in 2 of 3 upgrades.");
            assertThat(kept.exitCode()).as(kept.toString()).isZero();
            assertThat(kept.stdout()).contains(head.group(0));
        }
    }

    /** The same plan and preflight record the same types in the same order, so an intact upgrade names them. */
    private static String type(Upshift upshift, String upgradeId, long sequenceNumber) {
        return upshift.eventTypes(upgradeId).get((int) sequenceNumber);
    }
}
