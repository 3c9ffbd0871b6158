package org.accesscentre.sync.release;

import java.io.IOException;

/**
 * Restarts kiosk-app and sync-daemon from the {@code current} slot: through systemd on a kiosk ({@code
 * systemctl restart kiosk-app kiosk-sync}), through the process supervisor that started them in the demo and
 * tests. The daemon restarting itself is part of the plan: the new process finds the journal and carries on.
 */
@FunctionalInterface
public interface Supervisor {
    void restartAll() throws IOException;
}
