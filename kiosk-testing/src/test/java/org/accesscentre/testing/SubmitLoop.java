package org.accesscentre.testing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;

/**
 * A child JVM that submits realistic requests through the real submit path and prints each receipt as
 * soon as {@code submit} returns: {@code RECEIPT <reference> <transaction id>}. Arguments: the store file,
 * how many to submit (0 for no end) and a random seed. Any error ends it with exit code 3.
 */
public final class SubmitLoop {
    private SubmitLoop() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        PrintStream out = System.out;
        ZoneId zone = ZoneId.of("America/St_Lucia");
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.DEFAULTS)) {
            Catalogue catalogue = DemoCatalogue.load();
            List<Service> services = catalogue.services();
            Clock clock = Clock.systemUTC();
            Submitter submitter = new Submitter(
                    store,
                    new Sealer(Keys.generate(Keys.X25519).getPublic(), clock),
                    new Validator(catalogue),
                    clock,
                    zone,
                    "SOU",
                    3);
            out.println("READY");
            out.flush();
            for (long i = 0; count == 0 || i < count; i++) {
                Service service = services.get(random.nextInt(services.size()));
                Receipt r = submitter.submit(
                        service, RealisticAnswers.forService(catalogue, service, random, LocalDate.now(zone)), "en");
                out.println("RECEIPT " + r.reference() + " " + r.transactionId());
                out.flush();
            }
        } catch (Exception e) {
            System.err.println("submit loop failed: " + e);
            System.exit(3);
        }
    }
}
