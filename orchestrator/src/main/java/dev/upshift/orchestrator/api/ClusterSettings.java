package dev.upshift.orchestrator.api;

/**
 * What {@code initdb} of the new cluster must repeat for pg_upgrade to accept it: the old cluster's encoding, locale
 * (as template0 has it) and locale provider, and whether its data pages carry checksums.
 */
public record ClusterSettings(String encoding, String collate, String ctype, String localeProvider, boolean dataChecksums) {
}
