package org.accesscentre.app;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Once, when the kiosk's first frame is on screen and the FX thread is free to take a tap. The first pulse
 * after the window shows lays out the welcome screen and hands it to the renderer; the second pulse cannot
 * hand over its own scene until the renderer has let go of the first frame; the callback runs after that
 * second pulse. So it errs late by at most one pulse (1/60 s), never early.
 */
final class FirstFrame {
    private FirstFrame() {}

    /** Runs {@code then} once, on the FX thread, when the scene's first frame is up. Call on the FX thread. */
    static void watch(Scene scene, Runnable then) {
        int[] pulses = {0};
        AtomicBoolean done = new AtomicBoolean();
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (done.get() || scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return;
            }
            if (++pulses[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            done.set(true);
            // Not removed here: the scene is walking its listeners while it calls this one.
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                then.run();
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
