package dev.upshift.orchestrator.steps;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Reads how far a restore is from {@code pg_restore --verbose}, which names each entry of the archive's table of
 * contents as it starts on it: the entries before it are done, out of those {@code pg_restore -l} lists.
 */
public final class PgRestoreProgress implements Consumer<String> {

    public static final String UNIT = "entries";
    private static final Pattern ENTRY = Pattern.compile("pg_restore: (creating|processing data for|executing) .*");

    private final LongConsumer meter;
    private long begun;

    public PgRestoreProgress(long entries, TransferMeter.Factory meters) {
        this.meter = meters.meter("restoring", entries, UNIT);
    }

    /** The entries of a {@code pg_restore -l} listing: every line but the blank ones and the ";" comments. */
    public static long entriesIn(String listing) {
        return listing.lines().filter(line -> !line.isBlank() && !line.startsWith(";")).count();
    }

    @Override
    public void accept(String line) {
        if (ENTRY.matcher(line).matches()) {
            begun++;
            meter.accept(begun - 1);
        }
    }
}
