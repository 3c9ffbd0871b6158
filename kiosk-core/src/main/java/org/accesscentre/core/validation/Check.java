package org.accesscentre.core.validation;

/**
 * Every way an answer can fail, each with the message key the kiosk translates. The arguments a message
 * can use are listed with each.
 */
public enum Check {
    /** A required question was left blank. */
    REQUIRED("answer.required"),
    /** Arguments: {@code min}. */
    TOO_SHORT("answer.tooShort"),
    /** Arguments: {@code max}. */
    TOO_LONG("answer.tooLong"),
    /** The text does not have the expected form. Arguments: {@code example}, possibly empty. */
    PATTERN("answer.pattern"),
    NOT_A_NUMBER("answer.notANumber"),
    NOT_MONEY("answer.notMoney"),
    /** A number with a fraction where only whole numbers make sense (a household size). */
    NOT_A_WHOLE_NUMBER("answer.notAWholeNumber"),
    /** Arguments: {@code min}. */
    TOO_SMALL("answer.tooSmall"),
    /** Arguments: {@code max}. */
    TOO_LARGE("answer.tooLarge"),
    /** Arguments: {@code example}, possibly empty. */
    NOT_A_DATE("answer.notADate"),
    DATE_MUST_BE_PAST("answer.dateMustBePast"),
    DATE_MUST_BE_PAST_OR_TODAY("answer.dateMustBePastOrToday"),
    DATE_MUST_BE_FUTURE("answer.dateMustBeFuture"),
    DATE_MUST_BE_TODAY_OR_FUTURE("answer.dateMustBeTodayOrFuture"),
    /** Arguments: {@code min}, a date written YYYY-MM-DD. */
    DATE_TOO_EARLY("answer.dateTooEarly"),
    /** Arguments: {@code max}, a date written YYYY-MM-DD. */
    DATE_TOO_LATE("answer.dateTooLate"),
    NOT_AN_EMAIL("answer.notAnEmail"),
    NOT_A_PHONE("answer.notAPhone"),
    /** Arguments: {@code example}, possibly empty. */
    NOT_A_NATIONAL_ID("answer.notANationalId"),
    UNKNOWN_CHOICE("answer.unknownChoice"),
    /** The picked entry of a dependent list does not belong to the earlier answer (a community elsewhere). */
    NOT_IN_PARENT("answer.notInParent"),
    /** Arguments: {@code min}. */
    TOO_FEW_CHOICES("answer.tooFewChoices"),
    /** Arguments: {@code max}. */
    TOO_MANY_CHOICES("answer.tooManyChoices"),
    CONSENT_REQUIRED("answer.consentRequired"),
    SIGNATURE_EMPTY("answer.signatureEmpty"),
    SIGNATURE_TOO_LARGE("answer.signatureTooLarge"),
    /** The answer has the wrong shape for the question (text for a date, say); only a bad client sends it. */
    WRONG_TYPE("answer.wrongType"),
    /** An answer to a question that was not shown, given the other answers. */
    NOT_ASKED("answer.notAsked"),
    /** An answer to a question the form does not have. */
    UNKNOWN_FIELD("answer.unknownField");

    private final String key;

    Check(String key) {
        this.key = key;
    }

    /** The message key, such as {@code answer.required}. */
    public String key() {
        return key;
    }
}
