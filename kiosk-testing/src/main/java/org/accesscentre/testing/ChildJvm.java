package org.accesscentre.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Starts a class's {@code main} in a child JVM with this JVM's class path, for tests that kill a process
 * with SIGKILL or need two processes on one store.
 */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> main, List<String> args) throws IOException {
        return start(main, args, null);
    }

    /** Starts the child; with {@code stderr} set, its standard error goes to that file. */
    public static Process start(Class<?> main, List<String> args, @Nullable Path stderr) throws IOException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("--enable-native-access=ALL-UNNAMED");
        // Child JVMs live for seconds: skip the optimizing compiler and start faster.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xss512k");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stderr != null) {
            builder.redirectError(stderr.toFile());
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }

    /** The last element {@link #lines} hands over, once the child's output ends; compare it with {@code ==}. */
    // A string object of its own, so that no line the child prints is the same object.
    public static final String END = new String("end of output");

    /**
     * The child's standard output, each line handed over as it is written by a reader thread, then {@link
     * #END}: a test waits on the child's own progress, with a deadline, never on a guess of how long it takes.
     */
    public static BlockingQueue<String> lines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("child-stdout").start(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the pipe broke with the child: its output ends here
            } finally {
                lines.add(END);
            }
        });
        return lines;
    }

    /**
     * Reads the child's standard output until the line {@code wanted}; fails with what it printed (and its
     * standard error file, if any) when it exits or is silent for {@code silence} first.
     */
    public static void awaitLine(Process child, String wanted, @Nullable Path stderr, Duration silence)
            throws InterruptedException, IOException {
        BlockingQueue<String> lines = lines(child);
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = lines.poll(silence.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null || line == END) {
                throw new AssertionError("the child never printed '" + wanted + "'; it printed " + seen
                        + (stderr == null ? "" : "\n" + Files.readString(stderr)));
            }
            seen.add(line);
            if (line.equals(wanted)) {
                return;
            }
        }
    }

    /**
     * For a child's progress points: prints {@code at <point>} for each, and at {@code pause} prints {@code
     * paused <point>} and waits there for ever, to be SIGKILLed by the test at exactly that point.
     */
    public static Consumer<String> pausingAt(String pause) {
        return point -> {
            System.out.println("at " + point);
            if (point.equals(pause)) {
                System.out.println("paused " + point);
                System.out.flush();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
