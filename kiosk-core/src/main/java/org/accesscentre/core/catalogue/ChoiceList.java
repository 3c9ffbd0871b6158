package org.accesscentre.core.catalogue;

import java.util.List;
import java.util.Optional;

/** A long shared list, such as districts or communities, used by list-choice fields. */
public record ChoiceList(String id, List<Option> entries) {
    public ChoiceList {
        entries = List.copyOf(entries);
    }

    public Optional<Option> entry(String value) {
        return entries.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
