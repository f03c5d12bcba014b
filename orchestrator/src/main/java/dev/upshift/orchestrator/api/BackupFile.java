package dev.upshift.orchestrator.api;

/** A file Upshift wrote into the backup directory, with the checksum that proves it unchanged later. */
public record BackupFile(String path, long sizeBytes, String sha256) {
}
