package org.accesscentre.core.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An e-service a citizen can request at the kiosk, with its form.
 *
 * @param version bumped by the ICT office whenever the form changes; submissions name the version they
 *     were filled against, so the portal validates against the same form
 * @param fee what it costs, or null when it is free
 * @param text the service's words, by locale
 */
public record Service(
        String id,
        int version,
        String category,
        String agency,
        @Nullable Fee fee,
        Map<String, ServiceText> text,
        List<Field> fields) {

    public Service {
        text = Map.copyOf(text);
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String fieldId) {
        return fields.stream().filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /** The text in {@code locale}, falling back to {@code fallback}. */
    public ServiceText text(String locale, String fallback) {
        ServiceText t = text.get(locale);
        if (t == null) {
            t = text.get(fallback);
        }
        if (t == null) {
            t = text.values().iterator().next();
        }
        return t;
    }

    public long feeCents() {
        return fee == null ? 0 : fee.amountCents();
    }
}
