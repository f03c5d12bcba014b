package dev.upshift.shell.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/** Stamps every command with the OS user and host that gave it, unless it already carries them. */
public record Actor(String user, String host) implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String USER = "actor";
    static final String HOST = "host";

    public static Actor current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            host = "unknown";
        }
        return new Actor(System.getProperty("user.name"), host);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.getMetaData().containsKey(USER)
                ? command
                : command.andMetaData(Map.of(USER, user, HOST, host));
    }
}
