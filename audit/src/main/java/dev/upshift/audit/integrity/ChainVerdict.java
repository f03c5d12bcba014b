package dev.upshift.audit.integrity;

/**
 * What {@code upshift verify} found for one upgrade: its events as stored agree with their digests (the head digest
 * is the last one), were all recorded before digests existed, or the first event that does not agree, and how.
 */
public record ChainVerdict(String upgradeId, Status status, long events, long unchained, String headDigest,
                           String problem) {

    public enum Status { INTACT, UNCHAINED, TAMPERED }

    static ChainVerdict tampered(String upgradeId, long events, String problem) {
        return new ChainVerdict(upgradeId, Status.TAMPERED, events, 0, null, problem);
    }
}
