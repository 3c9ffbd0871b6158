package org.accesscentre.core.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.Node;
import org.jspecify.annotations.Nullable;

/** Maps a field's rules, refusing any rule that does not fit the field's type. */
final class RulesMapper {
    static final int MAX_PATTERN = 300;

    private final Node n;
    private final FieldType type;

    RulesMapper(Node n, FieldType type) {
        this.n = n;
        this.type = type;
    }

    Rules map() throws JsonInputException {
        n.allowOnly(Set.of(
                "required",
                "minLength",
                "maxLength",
                "pattern",
                "wholeNumber",
                "min",
                "max",
                "minDate",
                "maxDate",
                "date",
                "minChoices",
                "maxChoices"));
        boolean required = n.has("required") && n.required("required").asBoolean();

        FieldType.Kind kind = type.kind();
        onlyFor(FieldType.Kind.TEXT, "minLength", "maxLength", "pattern");
        onlyFor(FieldType.Kind.NUMBER, "min", "max");
        if (n.has("wholeNumber") && type != FieldType.NUMBER) {
            throw n.error("wholeNumber", "applies only to number questions");
        }
        boolean wholeNumber = n.has("wholeNumber") && n.required("wholeNumber").asBoolean();
        onlyFor(FieldType.Kind.DATE, "minDate", "maxDate", "date");
        onlyFor(FieldType.Kind.CHOICES, "minChoices", "maxChoices");

        int hardMax = AnswerLimits.maxLength(type);
        Integer minLength = ServiceMapper.optionalInt(n, "minLength", 0, hardMax);
        Integer maxLength = ServiceMapper.optionalInt(n, "maxLength", 1, hardMax);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw n.error("minLength", "is more than maxLength (" + maxLength + ")");
        }
        Pattern pattern = kind == FieldType.Kind.TEXT ? pattern() : null;

        BigDecimal min = kind == FieldType.Kind.NUMBER ? amount("min") : null;
        BigDecimal max = kind == FieldType.Kind.NUMBER ? amount("max") : null;
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw n.error("min", "is more than max (" + max.toPlainString() + ")");
        }

        LocalDate minDate = kind == FieldType.Kind.DATE ? date("minDate") : null;
        LocalDate maxDate = kind == FieldType.Kind.DATE ? date("maxDate") : null;
        if (minDate != null && maxDate != null && minDate.isAfter(maxDate)) {
            throw n.error("minDate", "is after maxDate (" + maxDate + ")");
        }
        DateRule dateRule = null;
        if (n.has("date")) {
            Node d = n.required("date");
            String name = d.asText();
            dateRule = DateRule.fromJson(name)
                    .orElseThrow(() -> d.error(
                            "must be past, past_or_today, future or today_or_future, not '" + Node.clip(name) + "'"));
        }

        Integer minChoices = ServiceMapper.optionalInt(n, "minChoices", 0, CatalogueReader.MAX_OPTIONS);
        Integer maxChoices = ServiceMapper.optionalInt(n, "maxChoices", 1, CatalogueReader.MAX_OPTIONS);
        if (minChoices != null && maxChoices != null && minChoices > maxChoices) {
            throw n.error("minChoices", "is more than maxChoices (" + maxChoices + ")");
        }
        return new Rules(
                required,
                minLength,
                maxLength,
                pattern,
                wholeNumber,
                min,
                max,
                minDate,
                maxDate,
                dateRule,
                minChoices,
                maxChoices);
    }

    private void onlyFor(FieldType.Kind kind, String... names) throws JsonInputException {
        if (type.kind() == kind) {
            return;
        }
        for (String name : names) {
            if (n.has(name)) {
                throw n.error(name, "does not apply to a " + type.jsonName() + " question");
            }
        }
    }

    private @Nullable Pattern pattern() throws JsonInputException {
        if (!n.has("pattern")) {
            return null;
        }
        Node p = n.required("pattern");
        String regex = p.asText(MAX_PATTERN);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw p.error("is not a valid regular expression: " + e.getDescription());
        }
    }

    private @Nullable BigDecimal amount(String name) throws JsonInputException {
        if (!n.has(name)) {
            return null;
        }
        Node v = n.required(name);
        BigDecimal value = v.asDecimal();
        if (type == FieldType.MONEY && value.stripTrailingZeros().scale() > 2) {
            throw v.error("an amount of money has at most 2 decimals");
        }
        return value;
    }

    private @Nullable LocalDate date(String name) throws JsonInputException {
        if (!n.has(name)) {
            return null;
        }
        Node v = n.required(name);
        String text = v.asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw v.error("must be a date written YYYY-MM-DD, not '" + Node.clip(text) + "'");
        }
    }
}
