package dev.upshift.shell.config;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts the commands dispatched but not yet handled. Commands run on their own threads, so a one-shot
 * process knows its work is done only when none is in flight.
 */
@Component
public class InFlightCommands implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<CommandMessage<?>> {

    private final AtomicInteger count = new AtomicInteger();

    public boolean none() {
        return count.get() == 0;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            count.incrementAndGet();
            return command;
        };
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        unitOfWork.onCleanup(done -> count.decrementAndGet());
        return chain.proceed();
    }
}
