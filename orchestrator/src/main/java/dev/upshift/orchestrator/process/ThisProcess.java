package dev.upshift.orchestrator.process;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/**
 * Names the running process ("alice, pid 4242 on db-host-1"). The process that started or resumed a run is the
 * one that drives it: another process of the same store — a `status`, a plan for another stack, another node —
 * sees the same events but leaves the steps to their owner.
 */
@Component
public class ThisProcess {

    /** The runner of an upgrade handed to the nodes (`--detach`): whichever `upshift serve` holds its segment. */
    public static final String NODES = "the nodes (upshift serve)";

    private final String name;

    public ThisProcess() {
        this(System.getProperty("user.name") + ", pid " + ProcessHandle.current().pid() + " on " + hostName());
    }

    public ThisProcess(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public boolean runs(String runner) {
        return name.equals(runner);
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "unknown host";
        }
    }
}
