package dev.upshift.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import dev.upshift.audit.store.InvalidStoreSetting;
import dev.upshift.shell.commands.FailureLine;
import dev.upshift.shell.config.PrivateHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.shell.CommandNotFound;
import org.springframework.shell.command.CommandExecution;

/**
 * Starts the application for one command or for the interactive shell, and turns the outcome into the
 * process's exit code. Global options are taken here, before Spring Shell sees the arguments.
 */
final class Launcher {

    static final int OK = 0;
    static final int BAD_INPUT = 2;
    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    private static final Map<String, String> GLOBAL_OPTIONS = Map.of(
            "--store", "upshift.store",
            "--store-password-file", "upshift.store-password-file",
            "--docker-host", "upshift.docker-host",
            "--port", "server.port");
    private static final String READ_ONLY_PROFILE = "read-only";
    /** The node: a web server of its own for Actuator's health and metrics, and the nodes' processor. */
    private static final String SERVE = "serve";
    /**
     * The profile of a command: those that only read the store create only the beans they use and start much
     * faster; {@code serve} runs a node.
     */
    private static final Map<String, String> PROFILES = Map.of(
            "status", READ_ONLY_PROFILE, "list", READ_ONLY_PROFILE, "log", READ_ONLY_PROFILE,
            "help", READ_ONLY_PROFILE, "version", READ_ONLY_PROFILE, "verify", READ_ONLY_PROFILE, SERVE, SERVE);
    /**
     * The commands that never write to the store: an auditor's role that may only read runs these, and is refused
     * every other one before it starts (docs/operator-guide.md, "Read-only auditors").
     */
    private static final Set<String> READERS = Set.of("status", "list", "log", "events", "audit", "replay", "report",
            "verify", "help", "version");

    private Launcher() {
    }

    static int run(Class<?> application, String... args) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> options = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String property = GLOBAL_OPTIONS.get(args[i]);
            if (property == null) {
                command.add(args[i]);
            } else if (i + 1 < args.length) {
                options.put(property, args[++i]);
            } else {
                System.err.println(args[i] + " needs a value");
                return BAD_INPUT;
            }
        }
        properties.put("spring.shell.interactive.enabled", command.isEmpty());
        // the interactive shell opens for an auditor too; a writing command typed in it fails at its first write
        properties.put("upshift.store.writes", !command.isEmpty() && !READERS.contains(command.get(0)));
        SpringApplication app = new SpringApplication(application);
        String profile = command.isEmpty() ? null : PROFILES.get(command.get(0));
        app.setWebApplicationType(SERVE.equals(profile) ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        app.setDefaultProperties(properties);
        app.addListeners(new PrivateHome());
        // what the operator typed outranks the environment (UPSHIFT_STORE, UPSHIFT_DOCKER_HOST), never the reverse
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("upshift-options", options));
        app.setEnvironment(environment);
        if (profile != null) {
            app.setAdditionalProfiles(profile);
        }
        AtomicReference<String> logFile = new AtomicReference<>("upshift.log under UPSHIFT_HOME");
        app.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) prepared ->
                logFile.set(prepared.getEnvironment().getProperty("logging.file.name")));
        try (ConfigurableApplicationContext context = app.run(command.toArray(String[]::new))) {
            return SpringApplication.exit(context);
        } catch (RuntimeException failure) {
            return exitCode(failure, logFile.get());
        }
    }

    /** Spring Shell ends a one-shot command that failed by throwing; its exit code travels in the cause chain. */
    private static int exitCode(Throwable failure, String logFile) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ExitCodeGenerator generator) {
                return generator.getExitCode();
            }
            if (cause instanceof CommandNotFound || cause instanceof CommandExecution.CommandParserExceptionsException) {
                return BAD_INPUT;
            }
            if (cause instanceof InvalidStoreSetting invalid) {
                System.err.println("upshift: " + invalid.getMessage());
                return BAD_INPUT;
            }
        }
        log.error("upshift failed", failure);
        System.err.println("upshift: " + FailureLine.of(failure) + " (details in " + logFile + ")");
        return 1;
    }
}
