package org.accesscentre.sync;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd the daemon is ready and alive ({@code Type=notify}, {@code WatchdogSec=}) through the
 * {@code systemd-notify} tool rather than hand-written socket code. The unit needs {@code NotifyAccess=all},
 * because the tool sends from its own process. Outside systemd ({@code NOTIFY_SOCKET} unset) it does nothing.
 */
final class Systemd {
    private static final Logger LOG = LoggerFactory.getLogger(Systemd.class);

    private Systemd() {}

    static boolean underSystemd() {
        return System.getenv("NOTIFY_SOCKET") != null;
    }

    static void ready() {
        notify("--ready");
    }

    static void watchdog() {
        notify("WATCHDOG=1");
    }

    /** Half the watchdog interval systemd asked for, when it asked. */
    static Optional<Duration> watchdogEvery() {
        String usec = System.getenv("WATCHDOG_USEC");
        if (usec == null || !usec.matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Long.parseLong(usec) * 1000 / 2));
    }

    private static void notify(String what) {
        if (!underSystemd()) {
            return;
        }
        try {
            Process p = new ProcessBuilder("systemd-notify", what)
                    .redirectErrorStream(true)
                    .start();
            if (p.waitFor() != 0) {
                LOG.warn("systemd-notify {} failed with exit code {}", what, p.exitValue());
            }
        } catch (IOException e) {
            LOG.warn("systemd-notify is not available: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
