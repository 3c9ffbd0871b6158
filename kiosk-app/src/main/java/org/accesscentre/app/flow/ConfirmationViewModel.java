package org.accesscentre.app.flow;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.accesscentre.app.i18n.Strings;
import org.accesscentre.app.receipt.PrintResult;
import org.accesscentre.app.receipt.ReceiptContent;
import org.accesscentre.app.receipt.ReceiptException;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Fee;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.ServiceText;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation: the reference number large and spaced, its QR code, what happens next, what to bring,
 * and in plain words whether the request has left the kiosk yet. The reference works either way.
 */
public final class ConfirmationViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationViewModel.class);

    private final ShellViewModel shell;
    private final Session session;
    private final Receipt receipt;
    private final Service service;
    private final KioskContext ctx;
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper printStatus = new ReadOnlyStringWrapper("");

    ConfirmationViewModel(ShellViewModel shell, KioskContext ctx) {
        this.shell = shell;
        this.ctx = ctx;
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

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    /** After Print receipt: that it is ready, or that it failed and the reference should be written down. */
    public ReadOnlyStringProperty printStatusProperty() {
        return printStatus.getReadOnlyProperty();
    }

    /**
     * Print receipt: laid out in the citizen's language and printed off the UI thread. A reprint is allowed
     * (a jammed printer); a second tap while one is printing does nothing.
     */
    public void print() {
        if (printing.get()) {
            return;
        }
        ReceiptContent content = receiptContent();
        Strings words = shell.strings();
        printing.set(true);
        printStatus.set("");
        ctx.background().execute(() -> {
            String status;
            try {
                PrintResult result = ctx.printer().print(content);
                LOG.info("receipt {}: {}", receipt.reference(), result.describe());
                status =
                        words.get(result instanceof PrintResult.NotPrinted ? "confirm.printFailed" : "confirm.printed");
            } catch (ReceiptException | RuntimeException e) {
                LOG.warn("receipt {} not printed: {}", receipt.reference(), e.toString());
                status = words.get("confirm.printFailed");
            }
            String shown = status;
            ctx.ui().execute(() -> {
                printing.set(false);
                printStatus.set(shown);
            });
        });
    }

    /** What the receipt says: the confirmation's own words, in the citizen's language. */
    public ReceiptContent receiptContent() {
        Strings s = shell.strings();
        java.util.Locale locale = java.util.Locale.forLanguageTag(shell.locale());
        String when = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale)
                .format(receipt.createdAt().atZone(ctx.zone()));
        String feeLine = fee();
        return new ReceiptContent(
                List.of(s.get("receipt.country"), s.get("receipt.centreName")),
                receipt.reference(),
                serviceTitle(),
                s.get("receipt.from", Map.of("centre", ctx.centre(), "kiosk", Integer.toString(ctx.kiosk()))),
                when,
                feeLine.isEmpty() ? null : feeLine,
                whatHappensNext(),
                whatToBring(),
                shell.sync().online() ? null : s.get("receipt.offline"),
                s.get("receipt.footer"),
                qrText(),
                shell.locale(),
                new ReceiptContent.Labels(s.get("confirm.reference"), s.get("confirm.next"), s.get("confirm.bring")));
    }

    public void finish() {
        shell.finish();
    }
}
