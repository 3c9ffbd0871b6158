package org.accesscentre.app.flow;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Fee;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.ServiceText;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.Receipt;

/**
 * The confirmation: the reference number large and spaced, its QR code, what happens next, what to bring,
 * and in plain words whether the request has left the kiosk yet. The reference works either way.
 */
public final class ConfirmationViewModel {
    private final ShellViewModel shell;
    private final Session session;
    private final Receipt receipt;
    private final Service service;

    ConfirmationViewModel(ShellViewModel shell) {
        this.shell = shell;
        this.session = shell.session();
        Receipt r = session.receipt();
        if (r == null) {
            throw new IllegalStateException("nothing was sent");
        }
        this.receipt = r;
        this.service = session.form().service();
    }

    public ReferenceNumber reference() {
        return receipt.reference();
    }

    /** For reading aloud and for the eye: {@code SOU 03 000127 K}. */
    public String referenceSpaced() {
        return receipt.reference().spaced();
    }

    /** What the QR code holds: the reference, which any kiosk's lookup reads. */
    public String qrText() {
        return receipt.reference().toString();
    }

    private ServiceText text() {
        return service.text(shell.locale(), session.catalogue().defaultLocale());
    }

    public String serviceTitle() {
        return text().title();
    }

    /** The catalogue's "what happens next" for this service. */
    public String whatHappensNext() {
        return text().confirmation();
    }

    public List<String> whatToBring() {
        return text().whatYouNeed();
    }

    /** The fee and where to pay it, or empty for a free service. */
    public String fee() {
        Fee fee = service.fee();
        if (fee == null || fee.amountCents() == 0) {
            return "";
        }
        String where = shell.strings().get(fee.payAt() == Fee.PayAt.DESK ? "service.payAtDesk" : "service.payAtAgency");
        return text().fee() + ". " + where;
    }

    public String agency() {
        Catalogue c = session.catalogue();
        return c.agency(service.agency())
                .map(a -> a.name().get(shell.locale(), c.defaultLocale()))
                .orElse(service.agency());
    }

    /** Offline honesty: saved here and sent automatically, or on its way; it follows the sync state. */
    public ObservableValue<String> delivery() {
        return Bindings.createStringBinding(
                () -> shell.strings()
                        .get(shell.sync().online() ? "confirm.online" : "confirm.offline", Map.of("agency", agency())),
                shell.sync().onlineProperty(),
                shell.stringsProperty());
    }

    public void finish() {
        shell.finish();
    }
}
