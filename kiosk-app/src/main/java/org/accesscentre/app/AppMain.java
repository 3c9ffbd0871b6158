package org.accesscentre.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kiosk app --config FILE [--fullscreen]}: the kiosk's touch UI. */
@Command(
        name = "app",
        mixinStandardHelpOptions = true,
        description = "The kiosk's touch UI for citizens. It reads and writes the local store the sync daemon drains.")
public final class AppMain implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "The device configuration (JSON).")
    Path config;

    @Option(names = "--fullscreen", description = "Kiosk mode: full screen, no window decorations, no exit key.")
    boolean fullscreen;

    @Option(names = "--width", description = "Window width when not full screen (${DEFAULT-VALUE}).")
    int width = 1280;

    @Option(names = "--height", description = "Window height when not full screen (${DEFAULT-VALUE}).")
    int height = 800;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();

    @Override
    public Integer call() throws Exception {
        DeviceConfig device;
        try {
            device = DeviceConfigReader.lenient().read(config);
        } catch (JsonInputException e) {
            spec.commandLine().getErr().println("app: " + e.getMessage());
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(true);
        try (KioskAssembly kiosk = KioskAssembly.open(device)) {
            Platform.startup(() -> {
                Stage stage = new Stage();
                stage.setOnHidden(e -> closed.countDown());
                KioskWindow.show(stage, kiosk.shell(), kiosk.view(), width, height, fullscreen);
            });
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Platform.runLater(Platform::exit), "app-shutdown"));
            closed.await();
            Platform.exit();
        }
        return 0;
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
