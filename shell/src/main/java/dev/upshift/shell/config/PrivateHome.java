package dev.upshift.shell.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * UPSHIFT_HOME holds every upgrade's history (the default store), the log and the shell's history: only its owner
 * may read it. The home is created 0700 and its files kept 0600 — before logging opens the log, and again once the
 * store has created its files (H2 creates them with the umask). A looser home found at start is tightened, in one line.
 */
public class PrivateHome implements ApplicationListener<ApplicationEvent>, Ordered {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** What Upshift writes there: the default H2 store's files, the log (and its rolled files), the shell's history. */
    private static final List<String> OWN_FILE_PREFIXES = List.of("store.", "upshift.log", "history.log");
    private static final String LOG_FILE = "upshift.log";

    private Path home;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            home = Path.of(prepared.getEnvironment().getRequiredProperty("upshift.home")).toAbsolutePath();
            prepare();
        } else if (event instanceof ApplicationStartedEvent && home != null) {
            tightenFiles();
        }
    }

    private void prepare() {
        try {
            if (Files.notExists(home, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(home, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            List<String> loosened = new ArrayList<>();
            Set<PosixFilePermission> homePermissions = Files.getPosixFilePermissions(home);
            if (!disjointFromOthers(homePermissions)) {
                loosened.add(home + " (" + PosixFilePermissions.toString(homePermissions) + ")");
                Files.setPosixFilePermissions(home, OWNER_ONLY_DIRECTORY);
            }
            loosened.addAll(tightenFiles());
            Path log = home.resolve(LOG_FILE);
            if (Files.notExists(log, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(log, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            }
            if (!loosened.isEmpty()) {
                System.err.println("upshift: made UPSHIFT_HOME readable by its owner only (it holds every upgrade's "
                        + "history); was readable by others: " + String.join(", ", loosened));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make UPSHIFT_HOME " + home + " private", e);
        }
    }

    /** Sets Upshift's own files under the home to 0600; answers those that were looser, with their old mode. */
    private List<String> tightenFiles() {
        List<String> loosened = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home, PrivateHome::isOwnFile)) {
            for (Path file : files) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (!disjointFromOthers(permissions)) {
                    loosened.add(file.getFileName() + " (" + PosixFilePermissions.toString(permissions) + ")");
                    Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the files in UPSHIFT_HOME " + home + " private", e);
        }
        return loosened;
    }

    private static boolean isOwnFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && OWN_FILE_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static boolean disjointFromOthers(Set<PosixFilePermission> permissions) {
        return permissions.stream().noneMatch(OTHERS::contains);
    }

    /** Before logging, which opens the log file under the home. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER - 1;
    }
}
