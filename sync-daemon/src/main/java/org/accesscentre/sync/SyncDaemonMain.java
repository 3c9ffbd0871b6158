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
        SyncDaemon daemon = SyncDaemon.open(device, Clock.systemUTC(), "access-centre-sync/" + Release.NUMBER);
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
