package dev.upshift.orchestrator.api;

/** Free space at one place the upgrade writes to, against what it will write there. */
public record DiskSpace(String purpose, String path, long freeBytes, long requiredBytes) {

    public boolean sufficient() {
        return freeBytes >= requiredBytes;
    }
}
