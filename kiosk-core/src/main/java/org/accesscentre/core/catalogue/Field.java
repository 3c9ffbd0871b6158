package org.accesscentre.core.catalogue;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One question of a form.
 *
 * @param label the question, used as the page heading
 * @param hint help shown under the question, such as "As shown on your ID card"
 * @param example an example answer used in hints and error messages, such as "27 3 1985"
 * @param options the choices of a single or multiple choice field
 * @param list for a list choice, the id of the catalogue's shared list
 * @param dependsOn for a list choice, an earlier list choice whose answer filters this list by parent
 */
public record Field(
        String id,
        FieldType type,
        LocalizedText label,
        @Nullable LocalizedText hint,
        @Nullable LocalizedText example,
        Rules rules,
        @Nullable ShowIf showIf,
        List<Option> options,
        @Nullable String list,
        @Nullable String dependsOn) {

    public Field {
        options = List.copyOf(options);
    }

    public boolean required() {
        return rules.required();
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }
}
