package org.accesscentre.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
}
