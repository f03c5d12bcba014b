package dev.upshift.orchestrator.adapters.compose;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Keeps every scalar a string as written ({@code 010}, {@code yes}, {@code 2024-01-01} stay text), except
 * nulls and merge keys: environment values must reach the stack exactly as the operator typed them.
 */
final class AsWrittenScalarResolver extends Resolver {

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
        addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
        addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
}
