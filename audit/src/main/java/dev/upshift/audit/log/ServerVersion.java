package dev.upshift.audit.log;

/** Server versions as the runbook writes them: "17.2", not "17.2 (Debian 17.2-1.pgdg120+1)". */
public final class ServerVersion {

    private ServerVersion() {
    }

    public static String brief(String serverVersion) {
        return serverVersion == null || serverVersion.isBlank() ? null : serverVersion.strip().split("\\s+")[0];
    }
}
