package dev.upshift.orchestrator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The event serializer as the shell configures it ({@code axon.serializer.events: jackson}): Axon's
 * {@link JacksonSerializer} over Spring Boot's auto-configured ObjectMapper, which Axon prefers to a mapper of its own.
 */
public final class StoredEventSerializer {

    private StoredEventSerializer() {
    }

    public static JacksonSerializer create() {
        return JacksonSerializer.builder()
                .objectMapper(bootObjectMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .converter(new ChainingConverter(StoredEventSerializer.class.getClassLoader()))
                .build();
    }

    /**
     * What Spring Boot's JacksonAutoConfiguration builds with no {@code spring.jackson.*} set: the modules on the
     * classpath (jdk8, java.time, parameter names), dates and durations as ISO text, unknown properties ignored.
     */
    public static ObjectMapper bootObjectMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
    }
}
