package org.accesscentre.device.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * kioskctl: {@code ./kiosk ctl ...}. Exit codes: 0 done, 1 refused or failed (one line on standard error
 * says why), 2 a usage error.
 */
@Command(
        name = "kioskctl",
        description = {
            "The ICT office's command line for Access Centre kiosks: keys, signed bundles and checks on this",
            "machine; enrolment, devices, bundles, tokens, commands, figures and cases on the portal."
        },
        subcommands = {
            KeysCommand.class,
            BundleCommand.class,
            ConfigCommand.class,
            CatalogueCommand.class,
            PinCommand.class,
            EnrolCodeCommand.class,
            DeviceCommand.class,
            PublishCommand.class,
            SigningKeyCommand.class,
            TokenCommand.class,
            FleetCommand.class,
            RemoteCommand.class,
            TxCommand.class,
            CaseCommand.class,
            EventsCommand.class,
            RolloutCommand.class
        })
public final class KioskCtl implements Callable<Integer> {
    /** Logging set up for a command-line tool: warnings only, on standard error, never mixed into results. */
    static final String LOGBACK_CONFIGURATION = "org/accesscentre/device/cli/kioskctl-logback.xml";

    private final InputStream stdin;
    private final Clock clock;
    private final Map<String, String> environment;
    private final Path home;

    @Spec
    private CommandSpec spec = CommandSpec.create(); // replaced by picocli before call()

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    private boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    public KioskCtl() {
        this(System.in, Clock.systemUTC());
    }

    /** For tests: where {@code pin hash} reads from, and the clock that dates new bundles. */
    public KioskCtl(InputStream stdin, Clock clock) {
        this(stdin, clock, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * For tests: also the environment variables and the home directory where the portal commands look for
     * KIOSK_PORTAL, KIOSK_TOKEN and the env file, so the tester's own settings never leak into a test.
     */
    public KioskCtl(InputStream stdin, Clock clock, Map<String, String> environment, Path home) {
        this.stdin = stdin;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.home = home;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        System.exit(newCommandLine(new KioskCtl()).execute(args));
    }

    /** A command line for {@code ctl} with kioskctl's error handling: one line per failure, exit code 1. */
    public static CommandLine newCommandLine(KioskCtl ctl) {
        CommandLine cli = new CommandLine(ctl);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.getCommandSpec().version("kioskctl " + versionText());
        return cli;
    }

    private static String versionText() {
        String v = KioskCtl.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }

    /** Without a command, kioskctl shows what it can do, as a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    InputStream stdin() {
        return stdin;
    }

    boolean stdinIsConsole() {
        return stdin == System.in;
    }

    Clock clock() {
        return clock;
    }

    Map<String, String> environment() {
        return environment;
    }

    Path home() {
        return home;
    }
}
