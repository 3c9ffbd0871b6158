package org.accesscentre.portal.ingest;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.seal.Binding;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.seal.SealException;
import org.accesscentre.core.submission.Payload;
import org.accesscentre.core.submission.PayloadCodec;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.accesscentre.core.wire.FieldProblem;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.portal.security.Principal;

/**
 * Decides whether one submission is accepted: its reference belongs to the device that sent it, its
 * envelope opens under its own transaction and service, and its answers pass the same validation engine the
 * kiosk ran, against the same catalogue version. Every refusal here is final for the kiosk.
 */
final class ItemJudge {
    /** A kiosk clock this far from the portal's is not believed for "today". */
    private static final Duration PLAUSIBLE_PAST = Duration.ofDays(90);

    private static final Duration PLAUSIBLE_FUTURE = Duration.ofDays(1);

    private final CatalogueRegistry catalogues;
    private final Opener opener;
    private final ZoneId zone;

    ItemJudge(CatalogueRegistry catalogues, Opener opener, ZoneId zone) {
        this.catalogues = catalogues;
        this.opener = opener;
        this.zone = zone;
    }

    /** @param seen catalogue versions already looked up for this batch; this adds the ones it looks up */
    Decision judge(CheckedItem checked, Principal.Device device, Instant now, Map<Long, Optional<Catalogue>> seen)
            throws SQLException {
        IngestItem item = checked.wire();
        Optional<ReferenceNumber> ref = ReferenceNumber.parse(item.reference());
        if (ref.isEmpty() || !ref.get().toString().equals(item.reference())) {
            return Decision.reject(checked, "the reference number is malformed or its check character is wrong");
        }
        if (!ref.get().centre().equals(device.centre())
                || ref.get().kiosk() != device.kiosk()
                || ref.get().sequence() != item.sequence()) {
            return Decision.reject(checked, "the reference number does not belong to this kiosk and sequence");
        }
        Optional<Catalogue> catalogue = seen.get(item.catalogueVersion());
        if (catalogue == null) {
            catalogue = catalogues.version(item.catalogueVersion());
            seen.put(item.catalogueVersion(), catalogue);
        }
        if (catalogue.isEmpty()) {
            return Decision.reject(checked, "catalogue version " + item.catalogueVersion() + " is unknown here");
        }
        Optional<Service> service = catalogue.get().service(item.serviceId());
        if (service.isEmpty() || service.get().version() != item.serviceVersion()) {
            return Decision.reject(
                    checked,
                    "service " + item.serviceId() + " version " + item.serviceVersion() + " is not in catalogue "
                            + item.catalogueVersion());
        }
        byte[] plain;
        try {
            plain = opener.open(
                    checked.sealed(), new Binding(item.transactionId(), item.serviceId(), item.serviceVersion()));
        } catch (SealException e) {
            return Decision.reject(checked, "the sealed answers cannot be opened: " + e.getMessage());
        }
        Payload payload;
        try {
            payload = PayloadCodec.decode(plain);
        } catch (JsonInputException e) {
            return Decision.reject(checked, "the sealed answers are malformed: " + e.getMessage());
        }
        if (!payload.serviceId().equals(item.serviceId())
                || payload.serviceVersion() != item.serviceVersion()
                || payload.catalogueVersion() != item.catalogueVersion()) {
            return Decision.reject(checked, "the sealed answers are for another service or catalogue version");
        }
        AnswerCodec.Decoded decoded = AnswerCodec.decode(service.get(), payload.answers(), payload.enteredBy());
        List<FieldProblem> problems = new ArrayList<>();
        decoded.wrongType().forEach(f -> problems.add(new FieldProblem(f, "answer.wrongType")));
        Validator validator = new Validator(catalogue.get());
        for (Violation v : validator.validate(service.get(), decoded.answers(), today(item.kioskTime(), now))) {
            problems.add(new FieldProblem(v.field(), v.key()));
        }
        if (!problems.isEmpty()) {
            return Decision.reject(checked, "the answers do not pass the form's rules", problems);
        }
        return Decision.accept(checked, service.get().agency());
    }

    /**
     * The day the citizen filled the form in: the kiosk's, so a date rule means what it meant at the kiosk
     * even when the request arrives days later; the portal's when the kiosk's clock is implausible.
     */
    private LocalDate today(Instant kioskTime, Instant now) {
        boolean plausible =
                !kioskTime.isBefore(now.minus(PLAUSIBLE_PAST)) && !kioskTime.isAfter(now.plus(PLAUSIBLE_FUTURE));
        return LocalDate.ofInstant(plausible ? kioskTime : now, zone);
    }
}
