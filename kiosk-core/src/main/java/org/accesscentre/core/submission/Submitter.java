package org.accesscentre.core.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import org.accesscentre.core.validation.Violation;

/**
 * The kiosk's submit: validate the whole form, drop answers to questions no longer asked, seal the answers
 * to the portal's key bound to a new transaction id, and store them. The receipt comes back only after the
 * commit; the answers exist in clear only in memory, until this call seals them.
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

    public Receipt submit(Service service, Answers answers, String locale)
            throws InvalidSubmissionException, StoreException {
        Instant now = clock.instant();
        Answers asked = validator.withoutHidden(service, answers);
        List<Violation> violations = validator.validate(service, asked, LocalDate.ofInstant(now, zone));
        if (!violations.isEmpty()) {
            throw new InvalidSubmissionException(violations);
        }
        UUID transactionId = UUID.randomUUID();
        byte[] sealed;
        synchronized (codec) {
            byte[] plain = codec.encode(
                    service.id(), service.version(), validator.catalogue().version(), locale, asked);
            sealed = sealer.seal(plain, new Binding(transactionId, service.id(), service.version()));
        }
        Fee fee = service.fee();
        return store.submit(new NewSubmission(
                centre,
                kiosk,
                transactionId,
                service.id(),
                service.version(),
                validator.catalogue().version(),
                service.feeCents(),
                fee == null ? null : fee.currency(),
                now,
                sealed));
    }
}
