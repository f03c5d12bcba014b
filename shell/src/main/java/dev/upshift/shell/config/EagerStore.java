package dev.upshift.shell.config;

import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Under lazy initialisation (the read-only commands) the store's tables are still created at start: nothing asks for them by name. */
@Configuration
public class EagerStore {

    @Bean
    static LazyInitializationExcludeFilter storeSchemaIsEager() {
        return LazyInitializationExcludeFilter.forBeanTypes(StoreSchema.class);
    }
}
