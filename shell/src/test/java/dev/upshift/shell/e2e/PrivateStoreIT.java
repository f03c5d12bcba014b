package dev.upshift.shell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.upshift.orchestrator.testbed.PostgresServer;
import dev.upshift.orchestrator.testbed.SampleStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UPSHIFT_HOME readable by its owner only, and the PostgreSQL store's password never on a command line. */
class PrivateStoreIT {

    private static final String PASSWORD_FILE = "--store-password-file";

    @TempDir
    Path directory;

    @Test
    void givenNoHomeYetWhenACommandRunsThenTheHomeIsOwnerOnlyAndSoAreTheStoreAndTheLog() throws Exception {
        Path home = directory.resolve("home");
        Upshift upshift = new Upshift(directory, "jdbc:h2:file:" + home.resolve("store"))
                .withEnvironment("UPSHIFT_HOME", home.toString());

        Upshift.Result list = upshift.run("list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stderr()).as(list.toString()).isEmpty();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("store.mv.db"))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("upshift.log"))).isEqualTo("rw-------");
    }

    @Test
    void givenAHomeOthersCanReadWhenACommandRunsThenItIsTightenedWithOneLine() throws Exception {
        Upshift upshift = new Upshift(directory);
        assertThat(upshift.run("list").exitCode()).isZero();
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(directory.resolve("store.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Upshift.Result list = upshift.run("list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stderr().strip().lines()).as(list.toString()).singleElement().asString()
                .startsWith("upshift: made UPSHIFT_HOME readable by its owner only")
                .contains(directory + " (rwxr-xr-x)", "store.mv.db (rw-r--r--)");
        assertThat(mode(directory)).isEqualTo("rwx------");
        assertThat(mode(directory.resolve("store.mv.db"))).isEqualTo("rw-------");
    }

    @Test
    void givenAPasswordFileOthersCanReadWhenRunningThenItExitsTwoWithOneLineAndOpensNothing() throws Exception {
        Path file = Files.writeString(directory.resolve("store-password"), "s3cret-pw\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Upshift.Result list = new Upshift(directory).run(PASSWORD_FILE, file.toString(), "list");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(2);
        assertThat(list.stderr().strip()).as(list.toString()).isEqualTo("upshift: the store's password file " + file
                + " may be read or changed by others (rw-r--r--): chmod 600 " + file);
        assertThat(list.stdout()).isEmpty();
        assertThat(directory.resolve("store.mv.db")).doesNotExist();
    }

    @Test
    void givenAPasswordFileOfAnotherUserWhenRunningThenItExitsTwoWithOneLine() throws Exception {
        Path file = Files.writeString(directory.resolve("store-password"), "s3cret-pw\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        UserPrincipal nobody = file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(file, nobody);

        Upshift.Result list = new Upshift(directory).run(PASSWORD_FILE, file.toString(), "list");

        assertThat(list.exitCode()).as(list.toString()).isEqualTo(2);
        assertThat(list.stderr().strip()).as(list.toString()).isEqualTo("upshift: the store's password file " + file
                + " belongs to nobody, not to " + System.getProperty("user.name") + " who runs Upshift");
        assertThat(directory.resolve("store.mv.db")).doesNotExist();
    }

    @Test
    void givenThePasswordInTheEnvironmentOrAFileWhenAPostgresStoreIsUsedThenItIsNeverInPsTheLogOrTheStore()
            throws Exception {
        try (PostgresServer server = PostgresServer.start(); SampleStack stack = SampleStack.start()) {
            String store = server.url() + "?user=" + server.user();
            Upshift fromEnvironment = new Upshift(directory, store).withEnvironment(Upshift.STORE_PASSWORD, server.password());
            Path file = Files.writeString(directory.resolve("store-password"), server.password() + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Upshift fromFile = new Upshift(directory, store);

            List<String> processes = new ArrayList<>();
            Upshift.Running plan = fromEnvironment.start("plan", "--compose", stack.composeFile().toString(),
                    "--to", "upshift-testbed/postgres:17", "--id", "by-environment");
            while (!plan.process().waitFor(200, TimeUnit.MILLISECONDS)) {
                processes.add(processList());
            }
            Upshift.Result preflight = fromFile.run(PASSWORD_FILE, file.toString(), "preflight", "by-environment");
            Upshift.Result status = fromFile.run(PASSWORD_FILE, file.toString(), "status", "by-environment");

            assertThat(plan.result().exitCode()).as(plan.result().toString()).isZero();
            assertThat(preflight.exitCode()).as(preflight.toString()).isZero();
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(processes).as("ps was read while plan ran").isNotEmpty()
                    .anySatisfy(list -> assertThat(list).contains("by-environment"))
                    .noneSatisfy(list -> assertThat(list).contains(server.password()));
            assertThat(Files.readString(directory.resolve("upshift.log"))).doesNotContain(server.password());
            assertThat(fromEnvironment.storeText()).contains("by-environment").doesNotContain(server.password());
        }
    }

    private static String processList() throws Exception {
        Process ps = new ProcessBuilder("ps", "-eo", "args").redirectErrorStream(true).start();
        String list = new String(ps.getInputStream().readAllBytes());
        ps.waitFor();
        return list;
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
