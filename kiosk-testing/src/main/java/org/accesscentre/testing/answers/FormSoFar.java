package org.accesscentre.testing.answers;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.LocalizedText;
import org.accesscentre.core.catalogue.Option;
import org.accesscentre.core.catalogue.Service;
import org.jspecify.annotations.Nullable;

/**
 * The form as filled in before the question at hand. Later answers agree with earlier ones, as a real citizen's
 * do: the community picked from a list is where they live, a child's name follows a choice of "child", the
 * number of children is less than the household.
 */
record FormSoFar(Catalogue catalogue, Service service, Answers answers) {
    /** Questions are read in English; the generators write English. */
    String english(LocalizedText text) {
        return text.get("en", catalogue.defaultLocale());
    }

    Topic topic(Field field) {
        return new Topic(field.id(), english(field.label()));
    }

    @Nullable
    String example(Field field) {
        LocalizedText example = field.example();
        return example == null ? null : english(example);
    }

    /** The question, for an error message that lets the catalogue's author find it. */
    String describe(Field field) {
        return "question '" + field.id() + "' (" + field.type().jsonName() + ") of service '" + service.id() + "'";
    }

    /** The values of the choices made so far: only choices say what the form is about. */
    Set<String> choiceValues() {
        Set<String> values = new LinkedHashSet<>();
        for (Answer a : answers.values().values()) {
            switch (a) {
                case Answer.Choice c -> values.add(c.value());
                case Answer.Choices c -> values.addAll(c.values());
                default -> {
                    // text, numbers and dates are the citizen's own words, not a topic
                }
            }
        }
        return values;
    }

    boolean mentions(String value) {
        return choiceValues().contains(value);
    }

    /** The community or district answered so far, else a place in Saint Lucia. */
    String place(Random random) {
        String place = null;
        for (Field f : service.fields()) {
            if (f.type() == FieldType.LIST_CHOICE && answers.get(f.id()).orElse(null) instanceof Answer.Choice c) {
                Optional<Option> entry =
                        Optional.ofNullable(f.list()).flatMap(catalogue::list).flatMap(l -> l.entry(c.value()));
                if (entry.isPresent()) {
                    place = english(entry.get().label());
                }
            }
        }
        if (place == null) {
            return Pick.one(random, Places.COMMUNITIES);
        }
        // "Castries (city)" reads as "Castries" in a sentence
        return place.replaceAll("\\s*\\(.*\\)$", "");
    }

    /** The answer to an earlier number question about one of these, such as the size of the household. */
    @Nullable
    BigDecimal earlierNumber(String... keys) {
        for (Field f : service.fields()) {
            if (f.type() == FieldType.NUMBER
                    && topic(f).about(keys)
                    && answers.get(f.id()).orElse(null) instanceof Answer.Number n) {
                return n.value();
            }
        }
        return null;
    }
}
