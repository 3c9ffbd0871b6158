package org.accesscentre.sync.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * On a kiosk: asks systemd to restart both units, which start again from {@code releases/current}. {@code
 * --no-block} because this daemon is one of them: systemd stops it (SIGTERM, a graceful close) after the call
 * returns, and the new daemon finds the install journal.
 */
public final class SystemctlSupervisor implements Supervisor {
    public static final List<String> UNITS = List.of("kiosk-app.service", "kiosk-sync.service");
    private static final long WAIT_SECONDS = 30;

    private final String systemctl;
    private final List<String> units;

    public SystemctlSupervisor(String systemctl, List<String> units) {
        this.systemctl = systemctl;
        this.units = List.copyOf(units);
    }

    public static SystemctlSupervisor standard() {
        return new SystemctlSupervisor("systemctl", UNITS);
    }

    @Override
    public void restartAll() throws IOException {
        List<String> command = new ArrayList<>(List.of(systemctl, "--no-block", "restart"));
        command.addAll(units);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not return within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking systemd to restart", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed with " + p.exitValue() + (out.isEmpty() ? "" : ": " + out));
        }
    }
}
