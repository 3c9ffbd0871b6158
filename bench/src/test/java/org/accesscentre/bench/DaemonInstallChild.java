package org.accesscentre.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.release.InstallProgress;
import org.accesscentre.sync.release.ReleaseJob;
import org.accesscentre.testing.ChildJvm;

/**
 * The real sync daemon in a child JVM for {@link ReleaseKillEndToEndTest}, started again whenever it exits to
 * restart (as the kiosk's supervisor would). It prints each install point it reaches and, at the chosen one,
 * prints {@code paused <point>} and waits there to be SIGKILLed.
 *
 * <p>Arguments: {@code CONFIG PAUSE}.
 */
public final class DaemonInstallChild {
    private DaemonInstallChild() {}

    public static void main(String[] args) throws Exception {
        DeviceConfig config = DeviceConfigReader.lenient().read(Path.of(args[0]));
        String pause = args[1];
        InstallProgress progress = ChildJvm.pausingAt(pause)::accept;
        SyncDaemon.Options options = SyncDaemon.Options.DEFAULTS
                .withInstallProgress(progress)
                .withReleases(new ReleaseJob.Settings(
                        Duration.ofMinutes(3), Duration.ofMinutes(2), 64 * 1024, Duration.ofSeconds(1)));
        while (true) {
            SyncDaemon daemon = SyncDaemon.open(config, Clock.systemUTC(), "install-child", options);
            try {
                daemon.run();
            } finally {
                daemon.close();
            }
            if (!daemon.restartRequested()) {
                return;
            }
            System.out.println("restarting");
        }
    }
}
