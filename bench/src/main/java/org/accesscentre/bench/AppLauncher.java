package org.accesscentre.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.accesscentre.app.StartupFigures;

/**
 * Starts the kiosk app in a JVM of its own, as a kiosk's service manager would: the same {@code java} as
 * this one, on the display given, with the launch time handed over so the app can tell how long it took. The
 * child's output goes to a log file; what it measured comes back as {@code key=value} lines in a file.
 */
final class AppLauncher {
    private final String java;
    private final String display;
    private final List<String> jvmOptions;
    private final Path logs;
    private final Duration timeout;
    private int launches;

    AppLauncher(String display, List<String> jvmOptions, Path logs, Duration timeout) {
        this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.display = display;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logs = logs;
        this.timeout = timeout;
    }

    /**
     * Runs {@code main} with the class path and arguments, then {@code reportOption FILE}, and returns the
     * figures it wrote to that file.
     *
     * @param extraJvm options for this launch only, such as an AOT cache
     * @throws IOException if the child fails, times out or writes no figures; the message names its log
     */
    Map<String, String> run(
            String label, List<String> extraJvm, String classpath, String main, List<String> args, String reportOption)
            throws IOException, InterruptedException {
        Path log = logs.resolve(String.format("%02d-%s.log", ++launches, label));
        Path report = logs.resolve(String.format("%02d-%s.report", launches, label));
        List<String> command = new ArrayList<>();
        command.add(java);
        // What every JVM ./kiosk starts gets: sqlite-jdbc and JavaFX use native code.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.addAll(extraJvm);
        command.add("-cp");
        command.add(classpath);
        int launchedAt = command.size();
        command.add("-D" + StartupFigures.LAUNCHED_AT + "=");
        command.add(main);
        command.addAll(args);
        command.add(reportOption);
        command.add(report.toString());
        ProcessBuilder builder = new ProcessBuilder()
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().put("DISPLAY", display);
        // The clock starts as late as it can: the launch time is the last thing put in before the start.
        command.set(launchedAt, "-D" + StartupFigures.LAUNCHED_AT + "=" + System.currentTimeMillis());
        builder.command(command);
        Process child = builder.start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly().waitFor();
            throw new IOException(label + ": no result after " + timeout + "; its output is in " + log);
        }
        if (child.exitValue() != 0 || !Files.isRegularFile(report)) {
            throw new IOException(label + ": exit " + child.exitValue() + " without figures; its output is in " + log
                    + ":\n" + tail(log));
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> figures = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> figures.put(k, p.getProperty(k)));
        return figures;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
