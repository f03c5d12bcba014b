package dev.upshift.audit.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over the previous event's digest and this event's stored form. Every field is written with its length
 * first, so that no two different events (a byte moved from the payload to the metadata, say) hash alike.
 */
final class EventDigest {

    /** What the first event of an upgrade — or the first after events recorded before digests existed — follows. */
    static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private EventDigest() {
    }

    static String of(String previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        field(sha256, HEX.parseHex(previous));
        field(sha256, text(event.upgradeId()));
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(event.sequenceNumber()).array());
        field(sha256, text(event.type()));
        field(sha256, text(event.revision()));
        field(sha256, text(event.timestamp()));
        field(sha256, event.payload());
        field(sha256, event.metadata());
        return HEX.formatHex(sha256.digest());
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** A null field (an event without a revision) is length -1, unlike an empty one. */
    private static void field(MessageDigest sha256, byte[] value) {
        sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha256.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
