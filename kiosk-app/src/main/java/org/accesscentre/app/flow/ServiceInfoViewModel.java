package org.accesscentre.app.flow;

import java.util.List;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Fee;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.ServiceText;

/**
 * A service's page, before anything is asked: what it is, what you need, what it costs and where you pay,
 * how long it takes, and who processes it.
 */
public final class ServiceInfoViewModel {
    private final ShellViewModel shell;
    private final Service service;

    ServiceInfoViewModel(ShellViewModel shell, String serviceId) {
        this.shell = shell;
        this.service = shell.catalogue()
                .service(serviceId)
                .orElseThrow(() -> new IllegalArgumentException("no service " + serviceId));
    }

    private ServiceText text() {
        return service.text(shell.locale(), shell.catalogue().defaultLocale());
    }

    public String title() {
        return text().title();
    }

    public String summary() {
        return text().summary();
    }

    public List<String> whatYouNeed() {
        return text().whatYouNeed();
    }

    public String fee() {
        return text().fee();
    }

    /** Where the fee is paid, in words; empty for a free service. */
    public String payAt() {
        Fee fee = service.fee();
        if (fee == null || fee.amountCents() == 0) {
            return "";
        }
        return shell.strings().get(fee.payAt() == Fee.PayAt.DESK ? "service.payAtDesk" : "service.payAtAgency");
    }

    public String processingTime() {
        return text().processingTime();
    }

    public String agency() {
        Catalogue c = shell.catalogue();
        return c.agency(service.agency())
                .map(a -> a.name().get(shell.locale(), c.defaultLocale()))
                .orElse(service.agency());
    }

    public int questions() {
        return new FormFlow(service, shell.validator())
                .shown(org.accesscentre.core.answer.Answers.empty())
                .size();
    }

    public void start() {
        shell.beginForm(service.id());
    }
}
