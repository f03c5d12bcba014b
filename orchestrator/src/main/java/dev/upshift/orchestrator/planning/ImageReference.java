package dev.upshift.orchestrator.planning;

import java.util.regex.Pattern;

/** Docker's grammar for an image reference: [registry[:port]/]name[/name…][:tag][@digest]. */
final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?" + COMPONENT + "(?:/" + COMPONENT + ")*"
                    + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");

    private ImageReference() {
    }

    static boolean isValid(String reference) {
        return reference != null && REFERENCE.matcher(reference).matches();
    }
}
