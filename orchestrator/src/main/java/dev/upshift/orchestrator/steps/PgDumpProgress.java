package dev.upshift.orchestrator.steps;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.upshift.orchestrator.api.Baseline.TableRows;

/**
 * Reads how far a dump is from {@code pg_dump --verbose}, which names each table as it starts dumping its rows: the
 * rows of the tables before it are done. Rows, not tables, so that one large table weighs what it costs.
 */
public final class PgDumpProgress implements Consumer<String> {

    public static final String UNIT = "rows";
    private static final Pattern TABLE = Pattern.compile("pg_dump: dumping contents of table \"(.+)\"");

    private final Map<String, Long> rowsByTable;
    private final LongConsumer meter;
    private long done;
    private long current;

    private PgDumpProgress(Map<String, Long> rowsByTable, LongConsumer meter) {
        this.rowsByTable = rowsByTable;
        this.meter = meter;
    }

    /** @param tables the rows of each table, as counted before the dump (the baseline, or the fence) */
    public static PgDumpProgress of(List<TableRows> tables, TransferMeter.Factory meters) {
        Map<String, Long> rows = tables.stream()
                .collect(Collectors.toMap(table -> table.schema() + "." + table.name(), TableRows::rows, Long::sum));
        return new PgDumpProgress(rows, meters.meter("dumping", rows.values().stream().mapToLong(Long::longValue).sum(),
                UNIT));
    }

    @Override
    public void accept(String line) {
        Matcher table = TABLE.matcher(line);
        if (table.matches()) {
            done += current;
            current = rowsByTable.getOrDefault(table.group(1), 0L);
            meter.accept(done);
        }
    }
}
