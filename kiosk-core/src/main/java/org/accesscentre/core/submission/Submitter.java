package org.accesscentre.core.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Fee;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.NewSubmission;
import org.accesscentre.core.store.Receipt;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.validation.Validator;

/**
 * The kiosk's submit, in two steps. {@link #prepare} validates the whole form, drops answers to questions no
 * longer asked and seals the rest to the portal's key, bound to a new transaction id: CPU work only, done
 * while the citizen reads "Check your answers". {@link #submit(PreparedSubmission)} is then only the durable
 * commit, and returns the receipt after it. The answers exist in clear only in memory.
 */
public final class Submitter {
    private final LocalStore store;
    private final Sealer sealer;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId zone;
    private final String centre;
    private final int kiosk;
    private final PayloadCodec codec = new PayloadCodec();

    public Submitter(
            LocalStore store, Sealer sealer, Validator validator, Clock clock, ZoneId zone, String centre, int kiosk) {
        this.store = store;
        this.sealer = sealer;
        this.validator = validator;
        this.clock = clock;
        this.zone = zone;
        this.centre = centre;
        this.kiosk = kiosk;
    }

    /** Prepares and submits in one go. */
    public Receipt submit(Service service, Answers answers, String locale)
            throws InvalidSubmissionException, StoreException {
        return submit(prepare(service, answers, locale));
    }

    /**
     * Validates the whole form, drops answers to questions no longer asked, and seals the rest to the portal's
     * key under a new transaction id: everything but the durable commit, and nothing on disk.
     */
    public PreparedSubmission prepare(Service service, Answers answers, String locale)
            throws InvalidSubmissionException {
        Validator.Checked checked =
                validator.checkSubmission(service, answers, LocalDate.ofInstant(clock.instant(), zone));
        if (!checked.violations().isEmpty()) {
            throw new InvalidSubmissionException(checked.violations());
        }
        Answers asked = checked.asked();
        UUID transactionId = UUID.randomUUID();
        long catalogueVersion = validator.catalogue().version();
        byte[] sealed;
        synchronized (codec) {
            byte[] plain = codec.encode(service.id(), service.version(), catalogueVersion, locale, asked);
            sealed = sealer.seal(plain, new Binding(transactionId, service.id(), service.version()));
        }
        Fee fee = service.fee();
        return new PreparedSubmission(
                transactionId,
                service.id(),
                service.version(),
                catalogueVersion,
                service.feeCents(),
                fee == null ? null : fee.currency(),
                sealed);
    }

    /**
     * Stores a prepared submission and returns its receipt, only after the commit is on disk. Submitting the
     * same prepared submission again returns the same receipt: a double press never stores twice.
     */
    public Receipt submit(PreparedSubmission prepared) throws StoreException {
        synchronized (prepared) {
            Receipt done = prepared.receipt();
            if (done != null) {
                return done;
            }
            Receipt receipt = store.submit(new NewSubmission(
                    centre,
                    kiosk,
                    prepared.transactionId(),
                    prepared.serviceId(),
                    prepared.serviceVersion(),
                    prepared.catalogueVersion(),
                    prepared.feeCents(),
                    prepared.currency(),
                    clock.instant(),
                    prepared.sealed()));
            prepared.submitted(receipt);
            return receipt;
        }
    }
}
