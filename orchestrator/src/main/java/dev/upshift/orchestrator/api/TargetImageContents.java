package dev.upshift.orchestrator.api;

import java.util.List;

/**
 * What the target image ships, as a throwaway container of it lists at 0.4 (recorded in its event, judged at 0.5): its
 * server's version, its C library's version (null when it is not glibc), its loadable libraries and extension files
 * by name, and its locales.
 */
public record TargetImageContents(String serverVersion, String libcVersion, List<String> libraries,
                                  List<String> extensionFiles, List<String> locales) {

    public TargetImageContents {
        libraries = List.copyOf(libraries);
        extensionFiles = List.copyOf(extensionFiles);
        locales = List.copyOf(locales);
    }

    public int majorVersion() {
        return Integer.parseInt(serverVersion.split("\\.")[0]);
    }
}
