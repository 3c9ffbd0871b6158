package org.accesscentre.core.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The checks on one field's answer. Which rules apply depends on the field's type; the reader refuses a
 * rule that does not fit the type (a length on a date, say).
 *
 * @param wholeNumber a number answer must have no fraction
 * @param pattern a regular expression the whole text answer must match
 * @param min the smallest number or amount
 * @param max the largest number or amount
 * @param minDate the earliest date
 * @param maxDate the latest date
 * @param date where a date must fall relative to today
 */
public record Rules(
        boolean required,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable Pattern pattern,
        boolean wholeNumber,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable LocalDate minDate,
        @Nullable LocalDate maxDate,
        @Nullable DateRule date,
        @Nullable Integer minChoices,
        @Nullable Integer maxChoices) {

    public static final Rules NONE =
            new Rules(false, null, null, null, false, null, null, null, null, null, null, null);

    public static final Rules REQUIRED =
            new Rules(true, null, null, null, false, null, null, null, null, null, null, null);
}
