package dev.upshift.orchestrator.ports;

/** Where and as whom to connect to a database. The password lives only in memory, only here. */
public record DatabaseEndpoint(String host, int port, String database, String user, String password) {

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
    }
}
