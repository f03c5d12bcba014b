package dev.upshift.audit.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.upshift.orchestrator.MovableClock;
import dev.upshift.orchestrator.process.ThisProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class DriveClaimsTest {

    private static final String ALICE = "alice, pid 4242 on db-host-1";
    private static final String BOB = "bob, pid 77 on db-host-2";
    private static final Instant START = Instant.parse("2026-11-30T22:05:03Z");

    private final SingleConnectionDataSource store = new SingleConnectionDataSource(
            "jdbc:h2:mem:drive-claims-" + UUID.randomUUID(), "sa", "", true);
    private final MovableClock clock = new MovableClock(START);
    private final DriveClaims claims;

    DriveClaimsTest() {
        new ResourceDatabasePopulator(new ClassPathResource("db/drive-claims.sql")).execute(store);
        claims = new DriveClaims(new JdbcTemplate(store), clock);
    }

    @AfterEach
    void close() {
        store.destroy();
    }

    @Test
    void givenAnUpgradeAliceDrivesWhenBobClaimsItThenHeIsToldWhoDrivesSinceWhenAndHowToFollowAndNothingChanges() {
        claims.claim("a", ALICE);
        clock.advance(Duration.ofSeconds(4));

        assertThatThrownBy(() -> claims.claim("a", BOB)).isInstanceOf(DrivenElsewhere.class)
                .hasMessageContaining("upgrade a is driven by alice, pid 4242 on db-host-1 since ")
                .hasMessageContaining("(alive 4 s ago); follow it with `upshift log a` or `upshift status a`; "
                        + "if that process is gone, `upshift resume a` takes over 10 s after it was last alive");
        assertThat(claims.alive()).extracting(DriveClaim::driver).containsExactly(ALICE);
    }

    @Test
    void givenADriverSilentForLongerThanTheExpiryWhenAnotherClaimsThenItTakesOverAndTheSilentOneLearnsItOnRenewal() {
        claims.claim("a", ALICE);
        clock.advance(DriveClaims.EXPIRY.plusMillis(1));

        claims.claim("a", BOB);

        assertThat(claims.alive()).extracting(DriveClaim::driver, DriveClaim::since)
                .containsExactly(tuple(BOB, clock.instant()));
        assertThat(claims.renew("a", ALICE)).isFalse();
        claims.release("a", ALICE);
        assertThat(claims.alive()).as("a former driver's release leaves the new claim").hasSize(1);
    }

    @Test
    void givenAClaimWhoseProcessEndedOnThisHostWhenClaimedThenItIsTakenOverAtOnceButOnAnotherHostOnlyAfterTheExpiry()
            throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        insertClaim("here", ThisProcess.hostName(), ended.pid());
        insertClaim("there", "another-host", ended.pid());

        claims.claim("here", BOB);

        assertThatThrownBy(() -> claims.claim("there", BOB)).isInstanceOf(DrivenElsewhere.class);
        assertThat(claims.alive()).extracting(DriveClaim::upgradeId, DriveClaim::driver)
                .containsExactlyInAnyOrder(tuple("there", ALICE), tuple("here", BOB));
    }

    @Test
    void givenARenewingDriverWhenTheExpiryPassesThenItStillDrivesAndKeepsItsFirstClaimTime() {
        claims.claim("a", ALICE);
        for (int renewal = 0; renewal < 5; renewal++) {
            clock.advance(DriveClaims.RENEWAL);
            assertThat(claims.renew("a", ALICE)).isTrue();
        }

        assertThatThrownBy(() -> claims.claim("a", BOB)).isInstanceOf(DrivenElsewhere.class);
        claims.claim("a", ALICE);
        assertThat(claims.alive()).extracting(DriveClaim::since).containsExactly(START);
    }

    @Test
    void givenTwoUpgradesWhenEachIsClaimedByAnotherProcessThenNeitherWaitsOnTheOtherAndAReleasedOneIsFree() {
        try (Drive alices = claims.take("a", ALICE)) {
            claims.claim("b", BOB);
            assertThat(claims.alive()).extracting(DriveClaim::upgradeId).containsExactly("a", "b");
        }
        claims.claim("a", BOB);
        assertThat(claims.alive()).extracting(DriveClaim::driver).containsExactly(BOB, BOB);
    }

    private void insertClaim(String upgradeId, String host, long pid) {
        new JdbcTemplate(store).update("INSERT INTO drive_claim (upgrade_id, driver, host, pid, since, renewed) "
                + "VALUES (?, ?, ?, ?, ?, ?)", upgradeId, ALICE, host, pid, START.toEpochMilli(), START.toEpochMilli());
    }
}
