package org.accesscentre.core.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * One answer a citizen can pick: an option of a choice field, or an entry of a shared list.
 *
 * @param parent for list entries, the value of the entry in the list this one depends on (a community's
 *     district); otherwise null
 */
public record Option(
        String value, LocalizedText label, @Nullable String parent) {
    public Option(String value, LocalizedText label) {
        this(value, label, null);
    }
}
