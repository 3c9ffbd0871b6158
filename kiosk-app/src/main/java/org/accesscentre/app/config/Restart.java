package org.accesscentre.app.config;

import java.util.ArrayList;
import java.util.List;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.config.DeviceConfig;

/**
 * The settings of a configuration that take effect only when a process restarts. The app takes a new
 * configuration's languages, idle times, session limit, opening hours, attendants and signing keys as soon
 * as it is idle ({@link org.accesscentre.app.desk.ConfigUpdates}); the rest it reads once at start. The sync
 * daemon reads its configuration once at start, so what it uses of a new one waits for the daemon's restart:
 * a reboot or a release switch restarts it, the attendant's "Restart the app" does not.
 */
final class Restart {
    private Restart() {}

    /** What changed from {@code before} to {@code after} that waits for a restart, each with the process. */
    static List<String> needed(DeviceConfig before, DeviceConfig after) {
        List<String> waiting = new ArrayList<>();
        if (!before.timeZone().equals(after.timeZone())) {
            // The queue's day, the cash book's day and closing times all follow it; switching mid-day would
            // split one day in two.
            waiting.add("timeZone (app)");
        }
        if (!before.hardware().equals(after.hardware())) {
            // GPIO pins and the printer's serial port are opened once, with the app.
            waiting.add("hardware (app)");
        }
        if (before.storeMaxMegabytes() != after.storeMaxMegabytes()) {
            waiting.add("storeMaxMegabytes (app, sync daemon)");
        }
        if (!keyIds(before).equals(keyIds(after))) {
            // The app checks the next bundle with the new keys at once; the daemon stages with its own.
            waiting.add("trustedSigningKeys (sync daemon)");
        }
        if (!before.portal().pinSha256().equals(after.portal().pinSha256())) {
            waiting.add("portal.pinSha256 (sync daemon)");
        }
        if (before.retentionDays() != after.retentionDays()) {
            waiting.add("retentionDays (sync daemon)");
        }
        return waiting;
    }

    private static List<String> keyIds(DeviceConfig c) {
        return c.trustedSigningKeys().stream().map(Keys::keyId).sorted().toList();
    }
}
