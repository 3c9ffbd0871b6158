package org.accesscentre.bench.sim;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sim enqueue}: fills a device store as a busy day at a kiosk would, without any network. */
@Command(
        name = "enqueue",
        mixinStandardHelpOptions = true,
        description = {
            "Fills a device store with N realistic sealed submissions through the app's submit path,"
                    + " printing each reference on its own line.",
            "The store is a real SQLite file; an existing one is added to."
        })
final class SimEnqueue implements Callable<Integer> {
    @Spec
    CommandSpec spec = CommandSpec.create();

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The store file (kiosk.db).")
    Path db;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many, 1 to 10,000,000.")
    int count;

    static final class Key {
        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "A device configuration: its envelope key, centre, kiosk and time zone are used.")
        @Nullable
        Path config;

        @Option(
                names = "--envelope-key",
                paramLabel = "KEY",
                description = "The portal's X25519 public key: base64 of its X.509 form, or a PEM file.")
        @Nullable
        String envelopeKey;
    }

    @ArgGroup(multiplicity = "1")
    Key key = new Key();

    @Option(names = "--centre", paramLabel = "CODE", description = "Without --config: the centre (default SIM).")
    String centre = "SIM";

    @Option(names = "--kiosk", paramLabel = "N", description = "Without --config: the kiosk number (default 1).")
    int kiosk = 1;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the answers (default 1).")
    long seed = 1;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > 10_000_000) {
            throw new ParameterException(spec.commandLine(), "--count must be 1 to 10,000,000");
        }
        PublicKey envelope;
        ZoneId zone = ZoneId.of("America/St_Lucia");
        if (key.config != null) {
            DeviceConfig config = DeviceConfigReader.lenient().read(key.config);
            envelope = config.portal().envelopeKey();
            centre = config.centre();
            kiosk = config.kiosk();
            zone = config.timeZone();
        } else {
            envelope = envelopeKey(String.valueOf(key.envelopeKey));
        }
        if (!centre.matches("[A-Z]{3}") || kiosk < 1 || kiosk > 99) {
            throw new ParameterException(spec.commandLine(), "--centre is 3 capital letters, --kiosk 1 to 99");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteStore store = SqliteStore.open(db, StoreOptions.DEFAULTS)) {
            RealisticSubmissions submissions =
                    new RealisticSubmissions(store, envelope, centre, kiosk, zone, Clock.systemUTC(), seed);
            for (int i = 0; i < count; i++) {
                Receipt r = submissions.next();
                out.println(r.reference());
            }
            out.flush();
            spec.commandLine()
                    .getErr()
                    .printf(
                            "%d submissions added; %s now holds %d%n",
                            count, db, store.counts().total());
        }
        return 0;
    }

    private PublicKey envelopeKey(String value) throws Exception {
        Path file = Path.of(value);
        try {
            if (Files.isRegularFile(file)) {
                return Keys.readPublic(file, Keys.X25519);
            }
            return Keys.publicFromBase64(value, Keys.X25519);
        } catch (KeyFormatException e) {
            throw new ParameterException(spec.commandLine(), "--envelope-key: " + e.getMessage());
        }
    }
}
