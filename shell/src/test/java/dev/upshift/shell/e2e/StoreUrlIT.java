package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The store URL as an operator writes it: a plain H2 file is shared, a contradiction refused, a dead store explained. */
class StoreUrlIT {

    private static final String SHARED = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0";

    @TempDir
    Path home;

    @Test
    void givenAPlainH2FileUrlWhenASecondProcessOpensItWhileTheFirstHoldsItThenBothWork() throws Exception {
        Upshift upshift = new Upshift(home, "jdbc:h2:file:" + home.resolve("store"));
        // plan reads the compose file first, so it must be one plan would go on with, as far as asking Docker
        Path compose = Files.writeString(home.resolve("compose.yml"), """
                services:
                  db:
                    image: upshift-testbed/postgres:15
                    environment:
                      POSTGRES_PASSWORD: not-a-secret
                    volumes:
                      - pg_data:/var/lib/postgresql/data
                volumes:
                  pg_data:
                """);
        // a Docker engine that accepts and never answers keeps the first process in `plan`, its store open
        try (ServerSocket silentEngine = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            silentEngine.setSoTimeout(120_000);
            Upshift.Running holder = upshift.start("--docker-host", "tcp://127.0.0.1:" + silentEngine.getLocalPort(),
                    "plan", "--compose", compose.toString(), "--to", "upshift-testbed/postgres:17");
            try (Socket planAsksDocker = silentEngine.accept()) {
                Upshift.Result list = upshift.run("list");
                Upshift.Result preflight = upshift.withStoreInEnvironment().run("preflight", "nosuch");

                assertThat(holder.process().isAlive()).as("the first process held the store throughout").isTrue();
                assertThat(list.exitCode()).as(list.toString()).isZero();
                assertThat(list.stdout()).contains("No upgrades in the store yet");
                assertThat(preflight.exitCode()).as(preflight.toString()).isEqualTo(2);
                assertThat(preflight.stdout()).contains("there is no upgrade 'nosuch'");
            } finally {
                holder.kill();
            }
        }
    }

    @Test
    void givenAStoreInTheEnvironmentAndAnotherOnTheCommandLineWhenRunningThenTheCommandLineWins() {
        Upshift fromEnvironment = new Upshift(home, "jdbc:h2:file:" + home.resolve("store")).withStoreInEnvironment();

        Upshift.Result result = fromEnvironment.run("--store", "jdbc:mysql://db.example/upshift", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("the store jdbc:mysql://db.example/upshift is neither H2 nor PostgreSQL");
        assertThat(home.resolve("store.mv.db")).doesNotExist();
    }

    @ParameterizedTest(name = "given an H2 file URL with {0} when running then it exits 2 with the URL to use")
    @ValueSource(strings = {"AUTO_SERVER=FALSE", "FILE_LOCK=NO"})
    void givenAnH2FileUrlThatForbidsSharingWhenRunningThenItExitsTwoWithTheUrlToUseAndOpensNothing(String setting) {
        String store = "jdbc:h2:file:" + home.resolve("store");

        Upshift.Result result = new Upshift(home, store + ";" + setting).run("list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr().strip().lines()).as(result.toString()).singleElement().asString()
                .startsWith("upshift: the store " + store + ";" + setting + " sets " + setting)
                .endsWith("use " + store + SHARED + " instead");
        assertThat(result.stdout()).as(result.toString()).isEmpty();
        assertThat(home.resolve("store.mv.db")).doesNotExist();
    }

    @Test
    void givenAPostgresStoreOnAClosedPortWhenListingThenItExitsOneWithOneLineThatSaysWhy() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String store = "jdbc:postgresql://127.0.0.1:" + closedPort + "/upshift?user=upshift&password=s3cret-pw";

        Upshift.Result result = new Upshift(home, store).run("list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr().strip().lines()).as(result.toString()).singleElement().asString()
                .startsWith("upshift: cannot open the store jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/upshift?user=upshift&password=***: Connection to 127.0.0.1:" + closedPort + " refused")
                .endsWith("(details in " + home.resolve("upshift.log") + ")")
                .doesNotContain("s3cret-pw", "bean", "Exception");
        assertThat(result.stdout()).as(result.toString()).isEmpty();
        assertThat(Files.readString(home.resolve("upshift.log"))).contains("StoreUnavailable").doesNotContain("s3cret-pw");
    }
}
