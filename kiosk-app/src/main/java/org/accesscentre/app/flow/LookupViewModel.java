package org.accesscentre.app.flow;

import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.SubmissionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Check progress": a reference typed (any case, with or without dashes; the check character catches a
 * mistyped one) and where that request is, in words.
 */
public final class LookupViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LookupViewModel.class);

    private final ShellViewModel shell;
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    LookupViewModel(ShellViewModel shell) {
        this.shell = shell;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    /** Where the request is, in a few words ("Ready to collect"), or empty before a lookup. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** More words: the agency's message, or what to do next. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void look() {
        heading.set("");
        detail.set("");
        Optional<ReferenceNumber> reference = ReferenceNumber.parse(typed.get());
        if (reference.isEmpty()) {
            error.set(shell.strings().get("lookup.invalid"));
            return;
        }
        error.set("");
        try {
            Optional<SubmissionRecord> found = shell.context().store().lookup(reference.get());
            if (found.isEmpty()) {
                heading.set(shell.strings().get("lookup.notFound"));
                detail.set(shell.strings().get("lookup.notFoundDetail"));
                return;
            }
            describe(found.get());
        } catch (StoreException e) {
            LOG.warn("lookup failed: {}", e.getMessage());
            error.set(shell.strings().get("lookup.failed"));
        }
    }

    private void describe(SubmissionRecord r) {
        String agency = agency(r.serviceId());
        Map<String, String> args = Map.of("agency", agency);
        switch (r.syncState()) {
            case QUEUED, IN_FLIGHT -> {
                heading.set(shell.strings().get("lookup.savedHere"));
                detail.set(shell.strings().get("lookup.savedHereDetail"));
            }
            case REJECTED -> {
                heading.set(shell.strings().get("lookup.problem"));
                detail.set(shell.strings().get("lookup.problemDetail"));
            }
            case ACKNOWLEDGED -> {
                String status = r.status() == null ? "received" : r.status();
                String key = "status." + status;
                heading.set(safe(key, args));
                String message = r.statusMessage() == null ? "" : r.statusMessage();
                detail.set(message.isBlank() ? safe(key + ".detail", args) : message);
            }
        }
    }

    private String safe(String key, Map<String, String> args) {
        try {
            return shell.strings().get(key, args);
        } catch (java.util.MissingResourceException e) {
            return shell.strings().get("status.unknown", args);
        }
    }

    private String agency(String serviceId) {
        Catalogue c = shell.catalogue();
        return c.service(serviceId)
                .flatMap(s -> c.agency(s.agency()))
                .map(a -> a.name().get(shell.locale(), c.defaultLocale()))
                .orElse("");
    }

    /** The typed reference is part of the session: cleared with it. */
    public void clear() {
        typed.set("");
        heading.set("");
        detail.set("");
        error.set("");
    }
}
