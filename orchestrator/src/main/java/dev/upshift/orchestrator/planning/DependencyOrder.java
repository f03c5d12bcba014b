package dev.upshift.orchestrator.planning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.upshift.orchestrator.ports.ComposeProject;
import dev.upshift.orchestrator.ports.InvalidInput;
import dev.upshift.orchestrator.ports.ComposeProject.ComposeService;

/** The services that depend on the database, directly or not, in the order they can be started. */
final class DependencyOrder {

    private DependencyOrder() {
    }

    /** Dependencies before dependents; among equals, the compose file's order. */
    static List<String> startOrder(ComposeProject project, String database) {
        Set<String> dependents = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ComposeService service : project.services()) {
                boolean dependsOnDatabase = service.dependsOn().stream()
                        .anyMatch(dependency -> dependency.equals(database) || dependents.contains(dependency));
                if (dependsOnDatabase && !service.name().equals(database) && dependents.add(service.name())) {
                    grew = true;
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < dependents.size()) {
            String next = project.services().stream()
                    .filter(service -> dependents.contains(service.name()) && !order.contains(service.name()))
                    .filter(service -> service.dependsOn().stream()
                            .allMatch(dependency -> !dependents.contains(dependency) || order.contains(dependency)))
                    .map(ComposeService::name)
                    .findFirst()
                    .orElseThrow(() -> new InvalidInput("the depends_on of " + project.file() + " form a cycle; "
                            + "fix the compose file or pass --dependents"));
            order.add(next);
        }
        return order;
    }
}
