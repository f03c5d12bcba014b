package dev.upshift.audit.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.env.Environment;

/**
 * The PostgreSQL store's password, kept off the command line (where every local user sees it in {@code ps}, and
 * the shell's history keeps it): {@code --store-password-file FILE}, a file only its owner can read, or else
 * {@code UPSHIFT_STORE_PASSWORD}.
 */
final class StorePassword {

    static final String FILE = "upshift.store-password-file";
    static final String VARIABLE = "upshift.store-password";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private StorePassword() {
    }

    /** The password, if one was given; throws {@link InvalidStoreSetting} for a file that may not be trusted with it. */
    static Optional<String> of(Environment environment) {
        String file = environment.getProperty(FILE);
        return file != null ? Optional.of(readFrom(Path.of(file))) : Optional.ofNullable(environment.getProperty(VARIABLE));
    }

    private static String readFrom(Path file) {
        String name = "the store's password file " + file;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidStoreSetting(name + " is not a readable file");
            }
            Path real = file.toRealPath();
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
            if (!OWNER_READ_WRITE.containsAll(permissions)) {
                throw new InvalidStoreSetting(name + " may be read or changed by others ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 " + file);
            }
            String owner = Files.getOwner(real, LinkOption.NOFOLLOW_LINKS).getName();
            String user = System.getProperty("user.name");
            if (!owner.equals(user)) {
                throw new InvalidStoreSetting(name + " belongs to " + owner + ", not to " + user + " who runs Upshift");
            }
            String password = Files.readString(real, StandardCharsets.UTF_8).strip();
            if (password.isEmpty() || password.contains("\n")) {
                throw new InvalidStoreSetting(name + " must hold the password on one line");
            }
            return password;
        } catch (IOException unreadable) {
            throw new InvalidStoreSetting(name + " cannot be read: " + unreadable.getMessage());
        }
    }
}
