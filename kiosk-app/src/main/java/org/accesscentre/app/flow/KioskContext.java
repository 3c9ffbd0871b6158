package org.accesscentre.app.flow;

import java.security.PublicKey;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.receipt.ReceiptPrinter;
import org.accesscentre.core.seal.Sealer;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.submission.Submitter;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.device.config.IdlePolicy;

/**
 * What the view models need from the kiosk around them. Time and threads are injected: tests pass a test
 * clock and run "background" work on the calling thread.
 *
 * @param locales the languages the configuration offers, first the default, as at the start; a configuration
 *     applied since goes to {@link ShellViewModel#reconfigure}
 * @param idle as at the start, likewise
 * @param background where slow work runs (sealing and the store's fsync)
 * @param ui where its results come back (the FX thread)
 * @param printer where receipts go: the thermal printer, or image files when the kiosk has none
 */
public record KioskContext(
        Clock clock,
        ZoneId zone,
        String centre,
        int kiosk,
        PublicKey envelopeKey,
        LocalStore store,
        CatalogueSource catalogues,
        List<String> locales,
        IdlePolicy idle,
        Executor background,
        Executor ui,
        ReceiptPrinter printer) {
    public KioskContext {
        locales = List.copyOf(locales);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Submitter submitter(Validator validator) {
        return new Submitter(store, new Sealer(envelopeKey, clock), validator, clock, zone, centre, kiosk);
    }
}
