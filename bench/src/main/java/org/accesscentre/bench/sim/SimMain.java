package org.accesscentre.bench.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kiosk sim}: fills stores and runs fleets of simulated kiosks with the real store and daemon. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = "Simulated kiosks: the real store, submit path and sync daemon, many at once.",
        subcommands = {SimEnqueue.class, SimFleet.class})
public final class SimMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a simulation: enqueue or fleet");
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            // Many daemons in one process: warnings only, unless KIOSK_LOG_LEVEL says otherwise.
            System.setProperty("logback.configurationFile", "sim-logback.xml");
        }
        CommandLine cli = new CommandLine(new SimMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sim: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
