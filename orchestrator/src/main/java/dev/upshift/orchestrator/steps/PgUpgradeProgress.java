package dev.upshift.orchestrator.steps;

import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how far pg_upgrade's transfer is from {@code pg_upgrade --verbose}, which names each relation file as it
 * starts on it ({@code copying "/upshift/old/base/16384/16385" to "…"}, {@code linking …}): the files before it are
 * done, out of those the step's script counted in the old cluster before pg_upgrade began and printed first
 * ({@code upshift: 27 relation files to transfer}). Files, not bytes: a link costs the same whatever the file's size,
 * and a copy's files are at most a relation's 1 GB segment.
 */
public final class PgUpgradeProgress implements Consumer<String> {

    public static final String UNIT = "files";
    private static final Pattern TOTAL = Pattern.compile("upshift: (\\d{1,18}) relation files to transfer");
    private static final Pattern FILE = Pattern.compile("(copying|linking) \".+\" to \".+\"");

    private final String activity;
    private final TransferMeter.Factory meters;
    private LongConsumer meter = done -> { };
    private long begun;

    /** @param transfer the plan's transfer mode, copy or link */
    public PgUpgradeProgress(String transfer, TransferMeter.Factory meters) {
        this.activity = "link".equals(transfer) ? "linking" : "copying";
        this.meters = meters;
    }

    @Override
    public void accept(String line) {
        Matcher total = TOTAL.matcher(line);
        if (total.matches()) {
            // the meter's interval runs from here: pg_upgrade's checks and schema come before its first file
            meter = meters.meter(activity, Long.parseLong(total.group(1)), UNIT);
        } else if (FILE.matcher(line).matches()) {
            begun++;
            meter.accept(begun - 1);
        }
    }
}
