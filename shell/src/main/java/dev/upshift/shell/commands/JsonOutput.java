package dev.upshift.shell.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON for people and scripts: indented, instants and durations in ISO-8601. */
final class JsonOutput {

    private JsonOutput() {
    }

    static ObjectMapper indented(ObjectMapper base) {
        return base.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
