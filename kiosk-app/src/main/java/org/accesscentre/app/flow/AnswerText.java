package org.accesscentre.app.flow;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.accesscentre.app.i18n.Strings;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.Option;
import org.accesscentre.core.validation.Validator;
import org.jspecify.annotations.Nullable;

/** An answer as the review page and the receipt show it, in the citizen's language. */
final class AnswerText {
    private AnswerText() {}

    static String of(
            @Nullable Answer answer,
            Field field,
            Answers answers,
            Validator validator,
            Strings strings,
            String catalogueDefault) {
        String locale = strings.locale();
        Locale loc = Locale.forLanguageTag(locale);
        if (answer == null) {
            return strings.get("review.notProvided");
        }
        return switch (answer) {
            case Answer.Text t -> t.value();
            case Answer.Number n -> {
                NumberFormat f = NumberFormat.getNumberInstance(loc);
                if (field.type() == FieldType.MONEY) {
                    f.setMinimumFractionDigits(2);
                    f.setMaximumFractionDigits(2);
                } else {
                    f.setMaximumFractionDigits(n.value().scale());
                }
                yield f.format(n.value());
            }
            case Answer.Day d -> d.value().format(Dates.written(loc));
            case Answer.Choice c -> label(options(field, answers, validator), c.value(), locale, catalogueDefault);
            case Answer.Choices c ->
                String.join(
                        ", ",
                        c.values().stream()
                                .map(v -> label(field.options(), v, locale, catalogueDefault))
                                .toList());
            case Answer.YesNo y ->
                field.type() == FieldType.CONSENT
                        ? strings.get(y.value() ? "review.agreed" : "review.notAgreed")
                        : strings.get(y.value() ? "answer.yes" : "answer.no");
            case Answer.Signature s -> strings.get("review.signed");
        };
    }

    private static List<Option> options(Field field, Answers answers, Validator validator) {
        return field.type() == FieldType.LIST_CHOICE ? validator.listEntries(field, answers) : field.options();
    }

    private static String label(List<Option> options, String value, String locale, String catalogueDefault) {
        return options.stream()
                .filter(o -> o.value().equals(value))
                .findFirst()
                .map(o -> o.label().get(locale, catalogueDefault))
                .orElse(value);
    }
}
