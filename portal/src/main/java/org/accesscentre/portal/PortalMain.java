package org.accesscentre.portal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./kiosk portal}: runs the portal, or bootstraps its data directory. */
@Command(
        name = "portal",
        mixinStandardHelpOptions = true,
        description = "The central portal. SQLite under --data by default; --db jdbc:postgresql://… for PostgreSQL.",
        subcommands = {PortalMain.BootstrapCommand.class})
public final class PortalMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(PortalMain.class);

    // Not required by picocli, so that "portal bootstrap --data DIR" parses; serving checks it itself.
    @Option(names = "--data", description = "The data directory: keys, scratch, the SQLite database.")
    @Nullable
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();

    @Option(names = "--db", description = "A jdbc:postgresql: URL; without it, SQLite in the data directory.")
    String db;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--zone",
            defaultValue = "America/St_Lucia",
            description = "The country's time zone (${DEFAULT-VALUE}).")
    ZoneId zone;

    @Option(
            names = "--heartbeat-seconds",
            defaultValue = "60",
            description = "How often devices call (${DEFAULT-VALUE}).")
    int heartbeatSeconds;

    @Override
    public Integer call() throws Exception {
        if (data == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--data=<data>'");
        }
        PortalSettings settings = new PortalSettings(data, db, host, port, zone, Duration.ofSeconds(heartbeatSeconds));
        Portal portal = Portal.start(settings, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping the portal");
                            portal.close();
                            stopped.countDown();
                        },
                        "portal-shutdown"));
        LOG.info(
                "portal listening on http://{}:{} with {} (data in {})",
                host,
                portal.port(),
                db == null ? "SQLite" : "PostgreSQL",
                Portal.describe(data));
        stopped.await();
        return 0;
    }

    @Command(
            name = "bootstrap",
            mixinStandardHelpOptions = true,
            description = "Prepares a data directory and prints the first ICT-admin token (once).")
    static final class BootstrapCommand implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The data directory.")
        Path data;

        @Option(names = "--db", description = "A jdbc:postgresql: URL; without it, SQLite in the data directory.")
        String db;

        @Option(
                names = "--trust",
                description = "An Ed25519 public key (PEM) whose bundles the portal accepts; repeatable.")
        List<Path> trust = new ArrayList<>();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Bootstrap.Result r =
                    Bootstrap.run(PortalSettings.defaults(data).withDatabase(db), trust, Clock.systemUTC());
            // The token alone on stdout, so TOKEN=$(./kiosk portal bootstrap ...) works; the rest is for people.
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            err.println("envelope key " + r.envelopeKeyId() + (r.keysMade() ? " (made now)" : " (kept)") + ": "
                    + r.envelopePublicKey());
            r.trusted().forEach(k -> err.println("trusting signing key " + k));
            if (r.adminToken() != null) {
                err.println("the ICT admin token follows on stdout; it is shown this once, keep it safe");
                out.println(r.adminToken());
            } else {
                err.println("an ICT admin token exists already; make more with: kioskctl token create");
            }
            return 0;
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PortalMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("portal: " + (e instanceof PortalException ? e.getMessage() : e.toString()));
            return 1;
        });
        int code = cli.execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
