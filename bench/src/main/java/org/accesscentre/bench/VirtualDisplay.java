package org.accesscentre.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The X display the kiosk app is shown on: {@code DISPLAY} when there is one, otherwise a virtual framebuffer
 * ({@code Xvfb}) started for the benchmark and stopped after it.
 */
final class VirtualDisplay implements AutoCloseable {
    private final String name;
    private final @Nullable Process xvfb;

    private VirtualDisplay(String name, @Nullable Process xvfb) {
        this.name = name;
        this.xvfb = xvfb;
    }

    static VirtualDisplay open(int width, int height) throws IOException {
        String display = System.getenv("DISPLAY");
        if (display != null && !display.isBlank()) {
            return new VirtualDisplay(display, null);
        }
        if (!onPath("Xvfb")) {
            throw new IOException("the kiosk app needs a display, and there is no DISPLAY and no Xvfb on the PATH."
                    + " Run it under a virtual one: xvfb-run -a -s \"-screen 0 1280x800x24\" ./kiosk bench app-start");
        }
        // -displayfd: Xvfb picks a free display number and writes it once it is ready to take clients.
        Process x = new ProcessBuilder(
                        "Xvfb", "-displayfd", "1", "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII));
            String number = out.readLine();
            if (number == null || !number.strip().matches("\\d+")) {
                throw new IOException("Xvfb did not start (it said " + number + ")");
            }
            return new VirtualDisplay(":" + number.strip(), x);
        } catch (IOException | RuntimeException e) {
            x.destroyForcibly();
            throw e;
        }
    }

    String name() {
        return name;
    }

    boolean started() {
        return xvfb != null;
    }

    @Override
    public void close() {
        if (xvfb == null) {
            return;
        }
        xvfb.destroy();
        try {
            if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
                xvfb.destroyForcibly();
            }
        } catch (InterruptedException e) {
            xvfb.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
