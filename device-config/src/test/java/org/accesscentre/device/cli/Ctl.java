package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.accesscentre.device.Fixtures;
import picocli.CommandLine;

/** Runs kioskctl in this JVM, as {@code ./kiosk ctl} would, and keeps what it printed. */
final class Ctl {
    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {
        /** The single line on standard error that every failure prints, checked to be exactly one. */
        String errorLine() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "looks like a stack trace: " + err);
            assertEquals(1, err.lines().count(), "one line on standard error: " + err);
            return err.strip();
        }
    }

    private Ctl() {}

    static Result run(String... args) {
        return runWithInput("", args);
    }

    /** A run with these environment variables and home directory, as the portal commands see them. */
    static Result runIn(Map<String, String> environment, Path home, String... args) {
        return new Reused(KioskCtl.newCommandLine(
                        new KioskCtl(InputStream.nullInputStream(), Fixtures.CLOCK, environment, home)))
                .run(args);
    }

    static Result runWithInput(String stdin, String... args) {
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return new Reused(KioskCtl.newCommandLine(new KioskCtl(in, Fixtures.CLOCK))).run(args);
    }

    /**
     * One command line for many runs, as picocli allows (it resets every option before parsing): building
     * the command model is most of the cost of a run, which matters in tests that run thousands of times.
     */
    static Reused reused() {
        return new Reused(KioskCtl.newCommandLine(new KioskCtl(InputStream.nullInputStream(), Fixtures.CLOCK)));
    }

    /** A command line run again and again, each run with fresh output buffers. */
    static final class Reused {
        private final CommandLine cli;

        private Reused(CommandLine cli) {
            this.cli = cli;
        }

        Result run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int exit = cli.execute(args);
            return new Result(exit, out.toString(), err.toString());
        }
    }
}
