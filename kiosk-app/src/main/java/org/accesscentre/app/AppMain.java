package org.accesscentre.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.accesscentre.app.view.Warmup;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kiosk app --config FILE [--fullscreen]}: the kiosk's touch UI. */
@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = "The kiosk's touch UI for citizens. It reads and writes the local store the sync daemon drains.")
public final class AppMain implements Callable<Integer> {
    @Option(
            names = "--config",
            required = true,
            description = "The device configuration (JSON). Once the ICT office has pushed one and the app applied"
                    + " it, that one (kept in the data directory) is in force instead; this file still names"
                    + " the kiosk.")
    Path config;

    @Option(names = "--fullscreen", description = "Kiosk mode: full screen, no window decorations, no exit key.")
    boolean fullscreen;

    @Option(names = "--width", description = "Window width when not full screen (${DEFAULT-VALUE}).")
    int width = 1280;

    @Option(names = "--height", description = "Window height when not full screen (${DEFAULT-VALUE}).")
    int height = 800;

    @Option(
            names = "--hardware-panel",
            description = "Off a Raspberry Pi: show a small window with the simulated help button and status lights.")
    boolean hardwarePanel;

    @Option(
            names = "--bench-report",
            hidden = true,
            description = "For ./kiosk bench app-start: once the first frame is up, write the startup figures"
                    + " to this file and quit.")
    @Nullable
    Path benchReport;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();

    /** Told once, on the FX thread, when the first frame is up and the kiosk can take a tap. */
    @FunctionalInterface
    public interface FirstFrameListener {
        void firstFrame(KioskAssembly kiosk, Stage stage);
    }

    @Override
    public Integer call() throws Exception {
        CompletableFuture<Scene> toolkit = startToolkit(width, height);
        DeviceConfig device;
        try {
            device = DeviceConfigReader.lenient().read(config);
        } catch (JsonInputException e) {
            spec.commandLine().getErr().println("app: " + e.getMessage());
            Platform.exit();
            return 2;
        }
        Path report = benchReport;
        FirstFrameListener onFirstFrame = report == null
                ? null
                : (kiosk, stage) -> {
                    try {
                        StartupFigures.now().write(report);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the startup figures to " + report, e);
                    } finally {
                        stage.hide();
                    }
                };
        if (hardwarePanel) {
            FirstFrameListener then = onFirstFrame;
            onFirstFrame = (kiosk, stage) -> {
                kiosk.devices().ifSimulated(mock -> showHardwarePanel(mock, stage));
                if (then != null) {
                    then.firstFrame(kiosk, stage);
                }
            };
        }
        try {
            return show(device, toolkit, width, height, fullscreen, onFirstFrame) ? RESTART : 0;
        } catch (Exception | LinkageError e) {
            KioskAssembly.startFailed(device, e);
            throw e;
        }
    }

    /**
     * The exit status that asks for a restart (EX_TEMPFAIL): the attendant's "Restart the app". systemd restarts
     * the service whatever the status; {@code ./kiosk app} and the demo start the app again on this one.
     */
    public static final int RESTART = 75;

    /** The demo's stand-in for the kiosk's buttons and lights, in a small window beside the kiosk's. */
    private static void showHardwarePanel(org.accesscentre.app.device.MockKioskHardware mock, Stage kiosk) {
        Stage panel = new Stage();
        panel.setTitle("Kiosk hardware (simulated)");
        panel.setScene(new javafx.scene.Scene(new org.accesscentre.app.device.HardwarePanel(mock)));
        panel.setX(kiosk.getX() + kiosk.getWidth() + 8);
        panel.setY(kiosk.getY());
        kiosk.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> panel.hide());
        panel.show();
    }

    /**
     * Shows the kiosk and returns when its window closes. The listener, if any, hears when the first frame is
     * up; the benchmark drives citizens' sessions from there.
     */
    public static void run(
            DeviceConfig device,
            double width,
            double height,
            boolean fullscreen,
            @Nullable FirstFrameListener onFirstFrame)
            throws Exception {
        show(device, startToolkit(width, height), width, height, fullscreen, onFirstFrame);
    }

    /**
     * Starts JavaFX on a thread of its own, then warms it up (see {@link Warmup}). The toolkit's start (the
     * display connection, the renderer) and the warm-up take as long as reading the configuration and opening
     * the store, and need neither, so the two overlap.
     */
    private static CompletableFuture<Scene> startToolkit(double width, double height) {
        CompletableFuture<Scene> started = new CompletableFuture<>();
        Platform.setImplicitExit(true);
        Thread.ofPlatform().name("fx-startup").start(() -> {
            try {
                Platform.startup(() -> started.complete(Warmup.run(KioskWindow.STYLESHEETS, width, height)));
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    /** Shows the kiosk until its window closes; true when that was the attendant's restart. */
    private static boolean show(
            DeviceConfig device,
            CompletableFuture<Scene> toolkit,
            double width,
            double height,
            boolean fullscreen,
            @Nullable FirstFrameListener onFirstFrame)
            throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean restart = new java.util.concurrent.atomic.AtomicBoolean();
        try (KioskAssembly kiosk = KioskAssembly.open(device)) {
            Scene warm = toolkit.get();
            Platform.runLater(() -> {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                kiosk.desk().desk().maintenance().onRestart(() -> {
                    restart.set(true);
                    stage.hide();
                });
                KioskWindow.show(stage, kiosk.shell(), kiosk.view(), width, height, fullscreen);
                FirstFrame.watch(stage.getScene(), () -> {
                    // Held until now, so the stylesheets it parsed were still cached for the kiosk's scene.
                    warm.setRoot(new Group());
                    kiosk.firstFrameShown();
                    if (onFirstFrame != null) {
                        onFirstFrame.firstFrame(kiosk, stage);
                    }
                });
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Platform.runLater(Platform::exit), "app-shutdown"));
            closed.await();
            return restart.get();
        } finally {
            Platform.exit();
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new AppMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("app: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
