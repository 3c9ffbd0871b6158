package org.accesscentre.bench.app;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.accesscentre.app.AppMain;
import org.accesscentre.app.KioskAssembly;
import org.accesscentre.app.ResidentMemory;
import org.accesscentre.app.StartupFigures;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench app-sessions}, the child process of {@code app-start}: the kiosk app started through
 * {@link AppMain#run}, and once its first frame is up, N citizens' sessions one after the other. Memory is read
 * after a full collection: once at the first frame, after the first session (classes loaded, caches warm) and
 * after the last. The figures are written as {@code key=value} lines.
 */
@Command(
        name = AppSessions.NAME,
        hidden = true,
        description = "The kiosk app with N citizens' sessions run through it, for app-start.")
public final class AppSessions implements Callable<Integer> {
    public static final String NAME = "app-sessions";

    @Option(names = "--config", required = true, description = "The device configuration.")
    Path config;

    @Option(names = "--sessions", defaultValue = "50", description = "Sessions to run (${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--report", required = true, description = "Where to write the figures.")
    Path report;

    @Option(names = "--width", defaultValue = "1280", description = "Window width (${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "Window height (${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--step-timeout", defaultValue = "PT60S", description = "Longest wait for one step.")
    Duration stepTimeout;

    @Override
    public Integer call() throws Exception {
        if (sessions < 1) {
            throw new IllegalArgumentException("--sessions must be at least 1");
        }
        DeviceConfig device = DeviceConfigReader.lenient().read(config);
        CompletableFuture<List<String>> figures = new CompletableFuture<>();
        AppMain.run(device, width, height, false, (kiosk, stage) -> {
            StartupFigures first = StartupFigures.now();
            Thread.ofPlatform().name("bench-citizens").daemon().start(() -> {
                try {
                    figures.complete(drive(kiosk, stage, first));
                } catch (Exception | Error e) {
                    figures.completeExceptionally(e);
                } finally {
                    Platform.runLater(stage::hide);
                }
            });
        });
        try {
            Files.write(report, figures.get(), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return 0;
    }

    private List<String> drive(KioskAssembly kiosk, Stage stage, StartupFigures first) throws Exception {
        FxSteps fx = new FxSteps(stage.getScene(), stepTimeout);
        CitizenSessions citizens = new CitizenSessions(
                kiosk.shell(), kiosk.view(), fx, kiosk.config().timeZone());
        List<String> out = new ArrayList<>();
        out.add("first_frame_ms=" + first.sinceLaunchMs());
        out.add(mb("rss_mb_first_frame", settledRss()));
        long[] millis = new long[sessions];
        long questions = 0;
        for (int i = 0; i < sessions; i++) {
            long start = System.nanoTime();
            questions += citizens.run(i);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (i == 0) {
                out.add(mb("rss_mb_after_1", settledRss()));
                out.add(mb("heap_mb_after_1", heapUsedMb()));
            }
        }
        out.add(mb("rss_mb_after_n", settledRss()));
        out.add(mb("heap_mb_after_n", heapUsedMb()));
        out.add("sessions=" + sessions);
        out.add("questions=" + questions);
        Arrays.sort(millis);
        out.add("session_ms_p50=" + millis[millis.length / 2]);
        out.add("session_ms_max=" + millis[millis.length - 1]);
        return out;
    }

    /** Resident memory once a full collection has returned what it can: what the kiosk really holds. */
    private static double settledRss() {
        System.gc();
        return ResidentMemory.mebibytes();
    }

    private static double heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static String mb(String key, double value) {
        return String.format(Locale.ROOT, "%s=%.1f", key, value);
    }
}
