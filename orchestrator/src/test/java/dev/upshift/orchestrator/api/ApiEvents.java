package dev.upshift.orchestrator.api;

import java.util.Comparator;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Every event of the api package, found by scanning it, so that a new event cannot escape the tests that list them. */
public final class ApiEvents {

    private ApiEvents() {
    }

    /** The concrete classes that are an {@link UpgradeEvent} or carry a {@link Revision}, by name. */
    public static List<Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(UpgradeEvent.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        return scanner.findCandidateComponents(UpgradeEvent.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, ApiEvents.class.getClassLoader()))
                .sorted(Comparator.comparing(Class::getSimpleName))
                .toList();
    }

    /** The revision an event is stored with: its {@link Revision}, or null without one. */
    public static String revisionOf(Class<?> eventType) {
        Revision revision = eventType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
