package org.accesscentre.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.accesscentre.bench.app.AppSessions;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.config.NewKioskConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The kiosk app's start and its memory over a day: the time from starting its JVM to the first frame a
 * citizen can tap, over several launches (median), with and without an AOT cache (JDK 25's ahead-of-time
 * class loading and linking, trained by one launch in the same run); and the resident memory after N
 * complete citizens' sessions in one app process, against the memory after the first.
 */
@Command(
        name = "app-start",
        mixinStandardHelpOptions = true,
        description = "The kiosk app's first frame (with and without an AOT cache) and its memory after N"
                + " citizens' sessions. Needs a display: DISPLAY, or Xvfb on the PATH.")
final class AppStartBench implements Callable<Integer> {
    static final String APP_MAIN = "org.accesscentre.app.AppMain";

    @Option(names = "--launches", defaultValue = "5", description = "Launches of each kind (${DEFAULT-VALUE}).")
    int launches;

    @Option(names = "--sessions", defaultValue = "50", description = "Sessions in one app (${DEFAULT-VALUE}).")
    int sessions;

    @Option(names = "--no-aot", description = "Leave out the launches with an AOT cache.")
    boolean noAot;

    @Option(names = "--width", defaultValue = "1280", description = "Window width (${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "Window height (${DEFAULT-VALUE}).")
    int height;

    @Option(
            names = "--jvm-option",
            paramLabel = "OPTION",
            description = "An option for the app's JVMs, such as -Xmx256m; repeat for more. Default: the options"
                    + " ./kiosk app runs it with ($KIOSK_APP_JVM_OPTS), so the figures are the shipped app's.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(
            names = "--app-classpath",
            description = "The app's class path (default: kiosk-app/target's jar and lib/ under KIOSK_ROOT,"
                    + " which ./kiosk sets, or the current directory).")
    @Nullable
    String appClasspath;

    @Option(
            names = "--timeout",
            defaultValue = "PT10M",
            description = "Give up on one launch after (${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--dir", description = "Where the configuration, data, logs and cache go (default: temporary).")
    @Nullable
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (launches < 1 || launches > 100 || sessions < 1 || sessions > 100_000) {
            throw new ParameterException(spec.commandLine(), "--launches is 1 to 100, --sessions 1 to 100,000");
        }
        boolean aot = !noAot;
        String appCp = appClasspath != null ? appClasspath : appClasspath();
        Report report = new Report("app-start", spec.commandLine().getOut());
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("bench-app-start");
        try (VirtualDisplay display = VirtualDisplay.open(width, height)) {
            Path logs = Files.createDirectories(work.resolve("logs"));
            if (jvmOptions.isEmpty()) {
                String shipped =
                        System.getenv().getOrDefault("KIOSK_APP_JVM_OPTS", "").strip();
                if (!shipped.isEmpty()) {
                    jvmOptions.addAll(List.of(shipped.split("\\s+")));
                }
            }
            report.line("app JVM options: " + (jvmOptions.isEmpty() ? "(JVM defaults)" : String.join(" ", jvmOptions)));
            AppLauncher launcher = new AppLauncher(display.name(), jvmOptions, logs, timeout);
            Path config = config(work, "launches");
            List<String> appArgs = List.of(
                    "--config",
                    config.toString(),
                    "--width",
                    Integer.toString(width),
                    "--height",
                    Integer.toString(height));

            // Not timed: makes the store, and brings the jars and the JDK into the page cache.
            launcher.run("warmup", List.of(), appCp, APP_MAIN, appArgs, "--bench-report");
            Path cache = work.resolve("app.aot");
            long trainingMs = 0;
            if (aot) {
                long t0 = System.nanoTime();
                launcher.run(
                        "aot-training",
                        List.of("-XX:AOTCacheOutput=" + cache),
                        appCp,
                        APP_MAIN,
                        appArgs,
                        "--bench-report");
                trainingMs = (System.nanoTime() - t0) / 1_000_000;
                if (!Files.isRegularFile(cache)) {
                    throw new IOException("the training run made no AOT cache; see its log in " + logs);
                }
            }
            report.line(String.format(
                    Locale.ROOT,
                    "display %s%s, window %dx%d",
                    display.name(),
                    display.started() ? " (Xvfb)" : "",
                    width,
                    height));
            report.header("launch", "first frame", "since JVM", "RSS MB");
            List<Double> plain = new ArrayList<>();
            List<Double> cached = new ArrayList<>();
            List<Double> plainRss = new ArrayList<>();
            List<Double> cachedRss = new ArrayList<>();
            // Alternating, so a slow spell of the machine falls on both kinds alike.
            for (int i = 1; i <= launches; i++) {
                launch(report, launcher, "plain-" + i, List.of(), appCp, appArgs, plain, plainRss);
                if (aot) {
                    launch(
                            report,
                            launcher,
                            "aot-" + i,
                            List.of("-XX:AOTCache=" + cache),
                            appCp,
                            appArgs,
                            cached,
                            cachedRss);
                }
            }

            Path sessionsConfig = config(work, "sessions");
            Map<String, String> s = launcher.run(
                    "sessions",
                    List.of(),
                    System.getProperty("java.class.path"),
                    BenchMain.class.getName(),
                    List.of(
                            AppSessions.NAME,
                            "--config",
                            sessionsConfig.toString(),
                            "--sessions",
                            Integer.toString(sessions),
                            "--width",
                            Integer.toString(width),
                            "--height",
                            Integer.toString(height)),
                    "--report");
            double after1 = number(s, "rss_mb_after_1");
            double afterN = number(s, "rss_mb_after_n");
            report.line("");
            report.header("one app, " + sessions + " sessions", "RSS MB", "heap MB");
            report.row("at the first frame", number(s, "rss_mb_first_frame"), 0);
            report.row("after session 1", after1, number(s, "heap_mb_after_1"));
            report.row("after session " + sessions, afterN, number(s, "heap_mb_after_n"));
            report.line(String.format(
                    Locale.ROOT,
                    "%s questions answered; a session took %s ms (median), %s ms at most",
                    s.get("questions"),
                    s.get("session_ms_p50"),
                    s.get("session_ms_max")));

            double firstFrame = median(plain);
            double firstFrameAot = aot ? median(cached) : 0;
            report.line("");
            report.line(String.format(Locale.ROOT, "first frame, median of %d: %.0f ms", launches, firstFrame));
            if (aot) {
                report.line(String.format(
                        Locale.ROOT,
                        "with the AOT cache (%.1f MB, trained in %d ms): %.0f ms, %.0f ms sooner (%.0f%%)",
                        Files.size(cache) / 1e6,
                        trainingMs,
                        firstFrameAot,
                        firstFrame - firstFrameAot,
                        100 * (firstFrame - firstFrameAot) / firstFrame));
            }
            report.line(goal("first frame", firstFrame, 2500, "ms")
                    + "; " + goal("RSS after " + sessions, afterN, 300, "MB")
                    + "; " + goal("growth", afterN - after1, 20, "MB"));

            report.result("first_frame_ms", firstFrame);
            report.result("rss_mb_after_50", afterN);
            report.result("rss_growth_mb", afterN - after1);
            report.result("first_frame_ms_aot", firstFrameAot);
            report.result("aot_gain_ms", aot ? firstFrame - firstFrameAot : 0);
            report.result("aot_cache_mb", aot ? Files.size(cache) / 1e6 : 0);
            report.result("aot_training_ms", trainingMs);
            report.result("rss_mb_first_frame", median(plainRss));
            report.result("rss_mb_first_frame_aot", aot ? median(cachedRss) : 0);
            report.result("rss_mb_after_1", after1);
            report.result("heap_mb_after_50", number(s, "heap_mb_after_n"));
            report.result("session_ms_p50", number(s, "session_ms_p50"));
            report.result("sessions", Integer.toString(sessions));
            report.result("launches", Integer.toString(launches));
            report.finish();
        } finally {
            if (dir == null) {
                deleteTree(work);
            }
        }
        return 0;
    }

    private static void launch(
            Report report,
            AppLauncher launcher,
            String label,
            List<String> jvm,
            String cp,
            List<String> args,
            List<Double> times,
            List<Double> rss)
            throws IOException, InterruptedException {
        Map<String, String> f = launcher.run(label, jvm, cp, APP_MAIN, args, "--bench-report");
        times.add(number(f, "first_frame_ms"));
        rss.add(number(f, "rss_mb"));
        report.row(
                label, number(f, "first_frame_ms"), number(f, "first_frame_since_jvm_start_ms"), number(f, "rss_mb"));
    }

    /** A kiosk that has not enrolled: the app never calls the portal, and seals to a key made here. */
    private static Path config(Path work, String name) throws Exception {
        Path file = work.resolve(name + ".json");
        new NewKioskConfig(
                        "BEN",
                        1,
                        URI.create("https://portal.invalid/"),
                        Keys.toBase64(Keys.generate(Keys.X25519).getPublic()),
                        List.of(Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())),
                        List.of("en", "fr"),
                        ZoneId.of("America/St_Lucia"),
                        work.resolve(name + "-data").toAbsolutePath(),
                        "BNCH-0001")
                .write(file);
        return file;
    }

    /** kiosk-app's jar and its dependencies, in a fixed order (an AOT cache is tied to its class path). */
    private static String appClasspath() throws IOException {
        String root = System.getenv("KIOSK_ROOT");
        Path target = Path.of(root == null || root.isBlank() ? "." : root, "kiosk-app", "target");
        List<String> entries = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target)) {
            jars.filter(p -> p.getFileName().toString().matches("kiosk-app-.*(?<!-tests|-sources)\\.jar"))
                    .map(Path::toString)
                    .forEach(entries::add);
        } catch (IOException e) {
            throw new IOException("kiosk-app is not built: no " + target.toAbsolutePath() + "; run ./kiosk build", e);
        }
        if (entries.isEmpty()) {
            throw new IOException("kiosk-app is not built: no jar in " + target.toAbsolutePath());
        }
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            jars.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().forEach(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static double number(Map<String, String> figures, String key) throws IOException {
        String v = figures.get(key);
        if (v == null) {
            throw new IOException("the app reported no " + key + ": " + figures);
        }
        return Double.parseDouble(v);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String goal(String what, double value, double limit, String unit) {
        return String.format(
                Locale.ROOT,
                "%s %.0f %s (goal ≤ %.0f: %s)",
                what,
                value,
                unit,
                limit,
                value <= limit ? "met" : "NOT met");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
