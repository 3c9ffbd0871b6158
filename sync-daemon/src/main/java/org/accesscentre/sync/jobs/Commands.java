package org.accesscentre.sync.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.KioskLock;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.Command;
import org.accesscentre.core.wire.CommandResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the ICT office's commands and keeps their results until the next heartbeat confirms them.
 * Every command is safe to carry out twice: the portal delivers it again until it is confirmed.
 */
public final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final LocalStore store;
    private final Runnable syncNow;
    private final List<CommandResult> results = new ArrayList<>();

    /** @param syncNow makes every job due at once */
    public Commands(LocalStore store, Runnable syncNow) {
        this.store = store;
        this.syncNow = syncNow;
    }

    public void run(List<Command> commands, Instant now) throws StoreException {
        for (Command c : commands) {
            if (c == null || c.id() == null || results.stream().anyMatch(r -> r.id().equals(c.id()))) {
                continue;
            }
            results.add(run(c, now));
        }
    }

    private CommandResult run(Command c, Instant now) throws StoreException {
        String type = String.valueOf(c.type());
        return switch (type) {
            case "lock" -> {
                String reason = c.args().getOrDefault("reason", "Out of service: the ICT office locked this kiosk");
                DeviceState.write(store, DeviceState.LOCK, new KioskLock(true, reason, "ict-office", now), now);
                LOG.info("locked by the ICT office (command {})", c.id());
                yield new CommandResult(c.id(), true, "locked");
            }
            case "unlock" -> {
                DeviceState.write(store, DeviceState.LOCK, new KioskLock(false, "", "ict-office", now), now);
                LOG.info("unlocked by the ICT office (command {})", c.id());
                yield new CommandResult(c.id(), true, "unlocked");
            }
            case "sync_now" -> {
                syncNow.run();
                yield new CommandResult(c.id(), true, "syncing");
            }
            case "wipe" -> {
                boolean unsent = "true".equals(c.args().get("includeUnsent"));
                int wiped = store.wipeSealed(unsent, "wiped by the ICT office (command " + c.id() + ")", now);
                // Destroying requests is logged at WARN with what the command said, always.
                LOG.warn(
                        "wiped {} sealed payloads on the ICT office's command {} (unsent included: {})",
                        wiped,
                        c.id(),
                        unsent);
                yield new CommandResult(
                        c.id(), true, "wiped " + wiped + (unsent ? " including unsent" : " already sent"));
            }
            default -> new CommandResult(c.id(), false, "this kiosk does not know the command " + type);
        };
    }

    /** The results to confirm in the next heartbeat. */
    public List<CommandResult> pending() {
        return List.copyOf(results);
    }

    /** The heartbeat carrying them was received by the portal. */
    public void confirmed(List<CommandResult> sent) {
        results.removeAll(sent);
    }
}
