package org.accesscentre.sync.kill;

import java.nio.file.Path;
import java.time.Clock;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.sync.SyncDaemon;
import org.accesscentre.sync.jobs.Drain;

/**
 * The real daemon, as {@code SyncDaemonMain} runs it, but with batches of a few items: the kill test then
 * sees many more batches go up per run, so a kill at a random moment mostly lands with a batch in flight.
 * Arguments: the configuration file and the items per batch. It runs until it is killed.
 */
public final class SmallBatchDaemon {
    private SmallBatchDaemon() {}

    public static void main(String[] args) throws Exception {
        SyncDaemon.Options options = SyncDaemon.Options.DEFAULTS.withBatches(
                new Drain.BatchLimits(Integer.parseInt(args[1]), Drain.DEFAULT_BATCH_BYTES));
        try (SyncDaemon daemon = SyncDaemon.open(
                DeviceConfigReader.lenient().read(Path.of(args[0])), Clock.systemUTC(), "kill-test", options)) {
            daemon.run();
        }
    }
}
