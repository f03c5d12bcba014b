package dev.upshift.shell.config;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Refuses every command sent in a process whose store role may only read — an auditor's interactive shell — before a
 * handler runs: a step does its I/O before its events are stored, and must not act where nothing could record it.
 */
record ReadOnlyStoreGuard(Supplier<StoreSchema> schema) implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        schema.get().requireWriteAccess();
        return (index, message) -> message;
    }
}
