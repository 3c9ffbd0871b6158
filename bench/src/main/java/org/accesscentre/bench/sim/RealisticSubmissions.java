package org.accesscentre.bench.sim;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.submission.InvalidSubmissionException;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.testing.RealisticAnswers;

/**
 * Requests as citizens make them at one kiosk: a service of the demo catalogue picked at random, realistic
 * answers that pass its rules, validated, sealed and committed by the app's own submit path.
 */
public final class RealisticSubmissions {
    private final Catalogue catalogue = DemoCatalogue.load();
    private final Submitter submitter;
    private final Random random;
    private final Clock clock;
    private final ZoneId zone;

    public RealisticSubmissions(
            LocalStore store, PublicKey envelopeKey, String centre, int kiosk, ZoneId zone, Clock clock, long seed) {
        this.submitter = new Submitter(
                store, new Sealer(envelopeKey, clock), new Validator(catalogue), clock, zone, centre, kiosk);
        this.random = new Random(seed);
        this.clock = clock;
        this.zone = zone;
    }

    public Receipt next() throws StoreException {
        List<Service> services = catalogue.services();
        Service service = services.get(random.nextInt(services.size()));
        Answers answers = RealisticAnswers.forService(catalogue, service, random, LocalDate.now(clock.withZone(zone)));
        try {
            return submitter.submit(service, answers, catalogue.locales().getFirst());
        } catch (InvalidSubmissionException e) {
            throw new IllegalStateException("realistic answers failed validation: " + e.getMessage(), e);
        }
    }
}
