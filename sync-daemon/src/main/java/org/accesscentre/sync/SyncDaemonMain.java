package org.accesscentre.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.accesscentre.core.Release;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kiosk sync-daemon --config FILE}: runs until SIGTERM, logging to stdout for journald. */
@Command(
        name = "sync-daemon",
        mixinStandardHelpOptions = true,
        description = "Moves the kiosk's requests to the portal and brings back statuses, catalogues and commands.")
public final class SyncDaemonMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SyncDaemonMain.class);

    @Option(names = "--config", required = true, description = "The device configuration (JSON).")
    Path config;

    @Option(
            names = "--restart-with",
            paramLabel = "HOW",
            description = "After a release switch: 'systemd' runs systemctl restart on both units; 'exit' (the"
                    + " default) asks the app to restart and exits with 75, for a supervisor that starts both again"
                    + " from releases/current.")
    String restartWith = "exit";

    @Option(
            names = "--rescue",
            description = "Run by systemd (OnFailure=) from the previous release when the new release's daemon"
                    + " cannot start: roll the release on trial back, restart both services, and exit.")
    boolean rescue;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DeviceConfig device;
        try {
            device = org.accesscentre.device.config.DeviceConfigs.inForce(
                    DeviceConfigReader.lenient().read(config));
        } catch (JsonInputException e) {
            spec.commandLine().getErr().println("sync-daemon: " + e.getMessage());
            return 2;
        }
        SyncDaemon.Restart restart;
        switch (restartWith) {
            case "systemd" -> restart = SyncDaemon.Restart.SYSTEMD;
            case "exit" -> restart = SyncDaemon.Restart.EXIT;
            default -> {
                spec.commandLine()
                        .getErr()
                        .println("sync-daemon: --restart-with is systemd or exit, not " + restartWith);
                return 2;
            }
        }
        if (rescue) {
            boolean back = SyncDaemon.rescue(
                    device,
                    Clock.systemUTC(),
                    "its sync daemon did not start",
                    SyncDaemon.Options.DEFAULTS.withRestart(restart));
            LOG.info(back ? "rolled back the release on trial" : "no release was on trial: nothing to rescue");
            return 0;
        }
        SyncDaemon daemon = SyncDaemon.open(
                device,
                Clock.systemUTC(),
                "access-centre-sync/" + Release.NUMBER,
                SyncDaemon.Options.DEFAULTS.withRestart(restart));
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping on request");
                            daemon.stop();
                            try {
                                finished.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "sync-daemon-shutdown"));
        LOG.info(
                "sync daemon for {} kiosk {} talking to {}",
                device.centre(),
                device.kiosk(),
                device.portal().url());
        try {
            daemon.run();
        } finally {
            daemon.close();
            finished.countDown();
        }
        if (daemon.restartRequested()) {
            LOG.info("exiting with {} to be started again from releases/current", SyncDaemon.RESTART_EXIT_CODE);
            return SyncDaemon.RESTART_EXIT_CODE;
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new SyncDaemonMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sync-daemon: " + e.getMessage());
            return 1;
        });
        int code = cli.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
