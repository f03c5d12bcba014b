package dev.upshift.audit.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@link StoreUrl} to the store URL wherever it came from ({@code --store}, {@code UPSHIFT_STORE}, the
 * default), and gives a PostgreSQL store its {@link StorePassword}, before any bean exists: a URL or a password file
 * that cannot be used stops the process before it touches anything. It runs once logging is set up, so that the
 * refusal's trace goes to the log file, not to the operator's screen.
 */
public class StoreUrlCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final String STORE_URL = "spring.datasource.url";
    private static final String STORE_PASSWORD = "spring.datasource.password";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent prepared) {
        ConfigurableEnvironment environment = prepared.getEnvironment();
        String url = environment.getProperty(STORE_URL);
        if (url == null) {
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        String toOpen = StoreUrl.toOpen(url);
        if (!toOpen.equals(url)) {
            settings.put(STORE_URL, toOpen);
        }
        // a password file is checked whatever the store, so that a careless one is never passed over in silence
        Optional<String> password = StorePassword.of(environment);
        if (StoreKind.of(url) == StoreKind.POSTGRESQL) {
            password.ifPresent(given -> settings.put(STORE_PASSWORD, given));
        }
        if (!settings.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("upshift-store", settings));
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
