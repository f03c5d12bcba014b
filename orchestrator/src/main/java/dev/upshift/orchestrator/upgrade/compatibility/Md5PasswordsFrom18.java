package dev.upshift.orchestrator.upgrade.compatibility;

import java.util.Optional;

import dev.upshift.orchestrator.api.CompatibilityObserved;
import dev.upshift.orchestrator.api.DatabaseCompatibility;
import dev.upshift.orchestrator.api.UpgradePlan;

/**
 * Every method, to 18 or later: MD5 password hashes are deprecated from PostgreSQL 18 (each login and password change
 * warns); every method carries the hashes as they are, so the roles keep them until their passwords are set again.
 */
final class Md5PasswordsFrom18 extends CompatibilityCheck {

    private static final int DEPRECATED_FROM = 18;

    Md5PasswordsFrom18() {
        super("md5 passwords", null);
    }

    @Override
    public Optional<CompatibilityFinding> judge(CompatibilityObserved seen, UpgradePlan plan) {
        DatabaseCompatibility database = seen.database();
        if (database.md5Roles().isEmpty() || seen.target().majorVersion() < DEPRECATED_FROM) {
            return Optional.empty();
        }
        return warns("MD5 password hashes are deprecated from PostgreSQL 18 and come over as they are, for roles "
                        + listed(database.md5Roles())
                        + (database.md5HbaRules().isEmpty() ? ""
                        : "; pg_hba.conf asks for md5 at " + listed(database.md5HbaRules())),
                "SET password_encryption = 'scram-sha-256' and set each role's password again (\\password ROLE), "
                        + "then write scram-sha-256 for md5 in pg_hba.conf");
    }
}
