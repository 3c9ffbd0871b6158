package org.accesscentre.bench;

import org.accesscentre.bench.app.AppSessions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kiosk bench NAME}: the benchmarks. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks. Each ends with a line: RESULT name key=value ...",
        subcommands = {
            EnqueueBench.class,
            PortalIngestBench.class,
            DrainBench.class,
            AppStartBench.class,
            AppSessions.class
        })
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, such as: enqueue");
    }

    public static void main(String[] args) {
        // The portal's own logging setup prints a line per request on stdout, where the table goes; the
        // benchmarks' setup writes those lines to a file instead, so their cost stays in what is measured.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
