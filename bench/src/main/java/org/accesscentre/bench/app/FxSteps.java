package org.accesscentre.bench.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Steps taken on the FX thread from another thread, each followed by the pulse that lays out and paints what
 * it changed, as a tap is followed by the next frame. Nothing sleeps: waiting is on the pulses themselves.
 */
final class FxSteps {
    private final Scene scene;
    private final Duration timeout;

    FxSteps(Scene scene, Duration timeout) {
        this.scene = scene;
        this.timeout = timeout;
    }

    /** Runs the action on the FX thread and returns once the next pulse is over. */
    void act(Runnable action) throws Exception {
        CompletableFuture<Void> painted = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                painted.completeExceptionally(e);
                return;
            }
            afterNextPulse(painted);
        });
        await(painted);
    }

    /** What the callable returns, read on the FX thread. */
    <T> T call(Callable<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                value.complete(read.call());
            } catch (Exception e) {
                value.completeExceptionally(e);
            }
        });
        return await(value);
    }

    /** Lets pulses pass until the condition, read on the FX thread, holds; work off the FX thread finishes meanwhile. */
    void awaitCondition(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("still waiting after " + timeout + " for " + what);
            }
            act(() -> {});
        }
    }

    private void afterNextPulse(CompletableFuture<Void> done) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            // The scene is walking its listeners now; this one leaves after the pulse, as done is told.
            Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener[0]);
                done.complete(null);
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
