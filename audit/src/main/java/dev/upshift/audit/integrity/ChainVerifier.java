package dev.upshift.audit.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes each upgrade's digest chain from its events as stored and compares it with the digests recorded when
 * they were stored: the first event changed, removed, inserted or moved is named. Events recorded before digests
 * existed are unchained, not tampered; a chain cut at its end is seen only against a head digest kept elsewhere
 * ({@code upshift report} prints it).
 */
@Component
public class ChainVerifier {

    private static final String EVENTS = "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry";
    private static final String DIGESTS = "SELECT upgrade_id, sequence_number, event_type, digest FROM event_digest";
    private static final String ONE_UPGRADE_EVENTS = " WHERE aggregateIdentifier = ?";
    private static final String ONE_UPGRADE_DIGESTS = " WHERE upgrade_id = ?";

    private final JdbcTemplate jdbc;

    public ChainVerifier(JdbcTemplate jdbc, StoreSchema schema) {
        this.jdbc = jdbc;
    }

    /** Every upgrade's chain, by upgrade id. */
    public List<ChainVerdict> verifyAll() {
        return verify(jdbc.query(EVENTS, (row, number) -> StoredEvent.from(row)),
                jdbc.query(DIGESTS, (row, number) -> RecordedDigest.from(row)));
    }

    /** One upgrade's chain; none when the store holds nothing of it. */
    public List<ChainVerdict> verify(String upgradeId) {
        return verify(jdbc.query(EVENTS + ONE_UPGRADE_EVENTS, (row, number) -> StoredEvent.from(row), upgradeId),
                jdbc.query(DIGESTS + ONE_UPGRADE_DIGESTS, (row, number) -> RecordedDigest.from(row), upgradeId));
    }

    private static List<ChainVerdict> verify(List<StoredEvent> events, List<RecordedDigest> digests) {
        Map<String, UpgradeHistory> histories = new TreeMap<>();
        events.forEach(event -> histories.computeIfAbsent(event.upgradeId(), UpgradeHistory::new).events
                .put(event.sequenceNumber(), event));
        digests.forEach(digest -> histories.computeIfAbsent(digest.upgradeId(), UpgradeHistory::new).digests
                .put(digest.sequenceNumber(), digest));
        List<ChainVerdict> verdicts = new ArrayList<>();
        histories.values().forEach(history -> verdicts.add(history.verdict()));
        return verdicts;
    }

    /** One upgrade's events and recorded digests, by sequence number. */
    private static final class UpgradeHistory {

        private final String upgradeId;
        private final Map<Long, StoredEvent> events = new TreeMap<>();
        private final Map<Long, RecordedDigest> digests = new TreeMap<>();

        private UpgradeHistory(String upgradeId) {
            this.upgradeId = upgradeId;
        }

        private ChainVerdict verdict() {
            String previous = EventDigest.GENESIS;
            long unchained = 0;
            long expected = 0;
            boolean chained = false;
            TreeSet<Long> numbers = new TreeSet<>(events.keySet());
            numbers.addAll(digests.keySet());
            for (long number : numbers) {
                StoredEvent event = events.get(number);
                RecordedDigest recorded = digests.get(number);
                if (number != expected) {
                    return tampered("event " + expected + " was removed: the next event stored is event " + number);
                }
                expected = number + 1;
                if (recorded == null) {
                    if (chained) {
                        return tampered("event " + number + " (" + event.shortType() + ") was inserted: it has no "
                                + "digest, yet the events before it have");
                    }
                    unchained++;
                    continue;
                }
                if (event == null) {
                    return tampered("event " + number + " (" + recorded.type() + ") was removed");
                }
                chained = true;
                String digest = EventDigest.of(previous, event);
                if (!digest.equals(recorded.digest())) {
                    return tampered("event " + number + " (" + event.shortType() + ") was changed or moved: "
                            + "its stored form does not match its digest");
                }
                previous = digest;
            }
            if (!chained) {
                return new ChainVerdict(upgradeId, ChainVerdict.Status.UNCHAINED, events.size(), unchained, null, null);
            }
            return new ChainVerdict(upgradeId, ChainVerdict.Status.INTACT, events.size(), unchained, previous, null);
        }

        private ChainVerdict tampered(String problem) {
            return ChainVerdict.tampered(upgradeId, events.size(), problem);
        }
    }

    private record RecordedDigest(String upgradeId, long sequenceNumber, String type, String digest) {

        static RecordedDigest from(ResultSet row) throws SQLException {
            return new RecordedDigest(row.getString(1), row.getLong(2), row.getString(3), row.getString(4).strip());
        }
    }
}
