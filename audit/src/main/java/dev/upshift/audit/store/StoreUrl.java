package dev.upshift.audit.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The URL the store is opened with. An H2 file is opened so that several processes share it, as the default store
 * is: the first process serves the file to the others ({@code AUTO_SERVER}), they reconnect when it exits
 * ({@code AUTO_RECONNECT}), and every commit is written at once ({@code WRITE_DELAY=0}). In-memory and server H2
 * URLs and PostgreSQL URLs are opened as given.
 */
public final class StoreUrl {

    private static final String H2 = "jdbc:h2:";
    /** In memory (one process only, by nature) or served by an H2 server already. */
    private static final List<String> NOT_A_FILE = List.of("mem:", "memfs:", "memlzf:", "tcp:", "ssl:");
    private static final Map<String, String> SHARED = sharedSettings();
    private static final String FILE_LOCK = "FILE_LOCK";
    /** The automatic server is found through the lock file H2 writes by default; other lock methods have none. */
    private static final String SHARED_FILE_LOCK = "FILE";
    private static final Pattern SETTING_SEPARATOR = Pattern.compile("(?<!\\\\);");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s]*");

    /** The URL to open for the one the operator gave; throws {@link InvalidStoreUrl} when it cannot be used. */
    public static String toOpen(String url) {
        StoreKind.of(url);
        if (!url.startsWith(H2) || isNotAFile(url.substring(H2.length()))) {
            return url;
        }
        return sharedFile(url);
    }

    /** The text with every password in it masked, so that a URL can be shown or logged. */
    public static String masked(String text) {
        return PASSWORD.matcher(text).replaceAll("$1***");
    }

    private static boolean isNotAFile(String database) {
        String lowerCase = database.toLowerCase(Locale.ROOT);
        return NOT_A_FILE.stream().anyMatch(lowerCase::startsWith);
    }

    private static String sharedFile(String url) {
        String[] parts = SETTING_SEPARATOR.split(url, -1);
        List<String> settings = new ArrayList<>(List.of(parts[0]));
        List<String> contradictions = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>(SHARED);
        for (int i = 1; i < parts.length; i++) {
            String setting = parts[i];
            int equals = setting.indexOf('=');
            String key = setting.substring(0, Math.max(equals, 0)).strip().toUpperCase(Locale.ROOT);
            String value = setting.substring(equals + 1).strip();
            if (SHARED.containsKey(key)) {
                missing.remove(key);
                settings.add(key + "=" + SHARED.get(key));
                if (!value.equalsIgnoreCase(SHARED.get(key))) {
                    contradictions.add(setting);
                }
            } else if (key.equals(FILE_LOCK) && !value.equalsIgnoreCase(SHARED_FILE_LOCK)) {
                contradictions.add(setting);
            } else if (!setting.isBlank()) {
                settings.add(setting);
            }
        }
        missing.forEach((key, value) -> settings.add(key + "=" + value));
        String shared = String.join(";", settings);
        if (!contradictions.isEmpty()) {
            throw new InvalidStoreUrl("the store " + masked(url) + " sets " + String.join(" and ", contradictions)
                    + ", but Upshift's processes share their store (status reads while run works): use "
                    + masked(shared) + " instead");
        }
        return missing.isEmpty() ? url : shared;
    }

    private static Map<String, String> sharedSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("AUTO_SERVER", "TRUE");
        settings.put("AUTO_RECONNECT", "TRUE");
        settings.put("WRITE_DELAY", "0");
        return settings;
    }

    private StoreUrl() {
    }
}
