package org.accesscentre.device.cli;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import org.accesscentre.device.pin.PinHash;
import org.accesscentre.device.pin.PinHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl pin hash}: the {@code pinHash} of an attendant's PIN, for the device configuration. */
@Command(name = "pin", description = "Attendant PINs.")
final class PinCommand implements Runnable {
    /** A PIN line is a few digits; reading more would only let a mistaken pipe fill memory. */
    private static final int MAX_LINE = 64;

    @Spec
    private CommandSpec spec = CommandSpec.create();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    @Command(
            name = "hash",
            description = {
                "Read a PIN (4 to 12 digits) from standard input, or ask for it twice on a terminal,",
                "and print its pinHash for config.json."
            })
    int hash(
            @Option(
                            names = "--iterations",
                            paramLabel = "N",
                            defaultValue = "" + PinHasher.DEFAULT_ITERATIONS,
                            description = "PBKDF2 iterations (default ${DEFAULT-VALUE}; at least 210000).")
                    int iterations)
            throws IOException {
        if (iterations < PinHasher.MIN_ITERATIONS || iterations > PinHash.MAX_ITERATIONS) {
            throw new IllegalArgumentException("--iterations must be from " + PinHasher.MIN_ITERATIONS + " to "
                    + PinHash.MAX_ITERATIONS + ", not " + iterations);
        }
        char[] pin = readPin();
        try {
            PinHash hash = new PinHasher(iterations, new SecureRandom()).hash(pin);
            spec.commandLine().getOut().println(hash.encoded());
            return 0;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private char[] readPin() throws IOException {
        return readPin(ctl);
    }

    /** A PIN asked twice on a terminal, or the first line of standard input. */
    static char[] readPin(KioskCtl ctl) throws IOException {
        Console console = System.console();
        if (ctl.stdinIsConsole() && console != null && console.isTerminal()) {
            char[] first = console.readPassword("PIN (4 to 12 digits): ");
            char[] again = console.readPassword("The same PIN again: ");
            if (first == null || again == null) {
                throw new IllegalArgumentException("no PIN was typed");
            }
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                Arrays.fill(first, '\0');
                throw new IllegalArgumentException("the two PINs differ");
            }
            return first;
        }
        return firstLine(ctl.stdin());
    }

    /** The first line of the input, without its line ending; digits only, so ASCII is enough. */
    static char[] firstLine(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_LINE);
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
            end++;
        }
        if (end == bytes.length && bytes.length == MAX_LINE) {
            throw new IllegalArgumentException("a PIN is 4 to 12 digits; the input is far longer");
        }
        char[] pin = new char[end];
        for (int i = 0; i < end; i++) {
            pin[i] = (char) (bytes[i] & 0xff);
        }
        Arrays.fill(bytes, (byte) 0);
        if (!PinHasher.isValidPin(pin)) {
            Arrays.fill(pin, '\0');
            throw new IllegalArgumentException("a PIN is 4 to 12 digits, nothing else");
        }
        return pin;
    }
}
