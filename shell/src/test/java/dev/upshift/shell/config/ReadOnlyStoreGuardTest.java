package dev.upshift.shell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.upshift.audit.store.InvalidStoreSetting;
import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import dev.upshift.audit.store.StoreKind;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

class ReadOnlyStoreGuardTest {

    private final AtomicBoolean handled = new AtomicBoolean();

    @Test
    void givenARoleThatMayOnlyReadWhenACommandIsSentThenItIsRefusedWithOneLineBeforeItsHandlerRuns() {
        CommandGateway gateway = gatewayOn(new StoreSchema(StoreKind.POSTGRESQL, Optional.of("upshift_auditor")));

        assertThatThrownBy(() -> gateway.sendAndWait("plan")).isInstanceOf(InvalidStoreSetting.class)
                .hasMessage("the store's role upshift_auditor may only read; this command writes: run it as a role "
                        + "with write access");
        assertThat(handled).isFalse();
    }

    @Test
    void givenARoleThatMayWriteWhenACommandIsSentThenItIsHandled() {
        CommandGateway gateway = gatewayOn(new StoreSchema(StoreKind.POSTGRESQL));

        gateway.sendAndWait("plan");

        assertThat(handled).isTrue();
    }

    private CommandGateway gatewayOn(StoreSchema schema) {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> handled.getAndSet(true));
        bus.registerDispatchInterceptor(new ReadOnlyStoreGuard(() -> schema));
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
