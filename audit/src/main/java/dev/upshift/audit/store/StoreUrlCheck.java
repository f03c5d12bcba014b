package dev.upshift.audit.store;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Applies {@link StoreUrl} to the store URL wherever it came from ({@code --store}, {@code UPSHIFT_STORE}, the
 * default) before any bean exists: a URL that cannot be used stops the process before it touches anything. It runs
 * once logging is set up, so that the refusal's trace goes to the log file, not to the operator's screen.
 */
public class StoreUrlCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final String STORE_URL = "spring.datasource.url";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent prepared) {
        ConfigurableEnvironment environment = prepared.getEnvironment();
        String url = environment.getProperty(STORE_URL);
        if (url == null) {
            return;
        }
        String toOpen = StoreUrl.toOpen(url);
        if (!toOpen.equals(url)) {
            environment.getPropertySources().addFirst(new MapPropertySource("upshift-store-url", Map.of(STORE_URL, toOpen)));
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
