package dev.upshift.shell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.shell.command.annotation.CommandScan;

/**
 * {@code upshift} with no arguments opens the interactive shell; with arguments it runs one command and
 * exits with its code: 0 done, 1 a step failed, 2 bad input, 3 waiting at a gate.
 */
@SpringBootApplication(scanBasePackages = "dev.upshift")
@CommandScan
public class UpshiftApplication {

    public static void main(String[] args) {
        System.exit(Launcher.run(UpshiftApplication.class, args));
    }

    /** Runs the application; exists so that tests can run commands in-process and read the exit code. */
    public static int run(String... args) {
        return Launcher.run(UpshiftApplication.class, args);
    }

    private UpshiftApplication() {
    }
}
