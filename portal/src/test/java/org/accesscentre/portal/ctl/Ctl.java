package org.accesscentre.portal.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.accesscentre.device.cli.KioskCtl;
import picocli.CommandLine;

/**
 * kioskctl run in this JVM against a real portal, as {@code ./kiosk ctl} runs it, with no environment
 * variables and an empty home directory, so the tester's own settings never reach a test.
 */
final class Ctl {
    /** What one run printed and returned. */
    record Result(int exit, String out, String err) {
        /** The one line on standard error that every failure prints, checked to be exactly one. */
        String errorLine() {
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "looks like a stack trace: " + err);
            assertEquals(1, err.lines().count(), "one line on standard error: " + err);
            return err.strip();
        }

        Result ok() {
            assertEquals(0, exit, () -> "exit " + exit + ": " + err + out);
            return this;
        }
    }

    private final String url;
    private final Path home;
    private final Clock clock;

    Ctl(String url, Path home, Clock clock) {
        this.url = url;
        this.home = home;
        this.clock = clock;
    }

    /** A command with this portal and a token on the command line. */
    Result as(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--portal", url, "--token", token));
        Result r = plain(all.toArray(String[]::new));
        String secret = token.substring(token.indexOf('.') + 1);
        if (!(args.length > 1 && args[0].equals("token") && args[1].equals("create"))) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "the token was printed: " + r);
        }
        return r;
    }

    /** A command exactly as given. */
    Result plain(String... args) {
        CommandLine cli = KioskCtl.newCommandLine(new KioskCtl(InputStream.nullInputStream(), clock, Map.of(), home));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
