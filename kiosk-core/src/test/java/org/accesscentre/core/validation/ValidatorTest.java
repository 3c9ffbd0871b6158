package org.accesscentre.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.TestCatalogue;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final Catalogue catalogue = TestCatalogue.load();
    private final Validator validator = new Validator(catalogue);
    private final Service birth = catalogue.service("birth-certificate").orElseThrow();
    private final Service report = catalogue.service("report-problem").orElseThrow();

    static Answers completeBirthAnswers() {
        return Answers.empty()
                .with("full-name", new Answer.Text("Marie Joseph"))
                .with("date-of-birth", new Answer.Day(LocalDate.of(1985, 3, 27)))
                .with("for-whom", new Answer.Choice("self"))
                .with("national-id", new Answer.Text("A123456"))
                .with("copies", new Answer.Number(BigDecimal.ONE))
                .with("purposes", new Answer.Choices(List.of("passport")))
                .with("agree", new Answer.YesNo(true))
                .with("signature", new Answer.Signature(List.of(new Stroke(new int[] {10, 10, 50, 40, 90, 20}))));
    }

    @Test
    void aCompleteFormHasNoViolations() {
        assertEquals(List.of(), validator.validate(birth, completeBirthAnswers(), TODAY));
    }

    @Test
    void missingRequiredAnswersAreReported() {
        List<Violation> v = validator.validate(birth, Answers.empty(), TODAY);
        assertTrue(v.contains(new Violation("full-name", Check.REQUIRED)));
        assertTrue(v.contains(new Violation("agree", Check.CONSENT_REQUIRED)));
        assertTrue(v.contains(new Violation("signature", Check.REQUIRED)));
        assertFalse(v.stream().anyMatch(x -> x.field().equals("child-name")), "a hidden question is not required");
        assertFalse(v.stream().anyMatch(x -> x.field().equals("phone")), "an optional question may be blank");
    }

    @Test
    void conditionalQuestionsFollowTheAnswersTheyDependOn() {
        Field childName = birth.field("child-name").orElseThrow();
        Answers self = completeBirthAnswers();
        assertFalse(validator.isShown(birth, childName, self));
        Answers child = self.with("for-whom", new Answer.Choice("child"));
        assertTrue(validator.isShown(birth, childName, child));
        assertEquals(List.of(new Violation("child-name", Check.REQUIRED)), validator.validate(birth, child, TODAY));

        Field other = birth.field("other-purpose").orElseThrow();
        Answers withOther = self.with("purposes", new Answer.Choices(List.of("school", "other")));
        assertTrue(validator.isShown(birth, other, withOther));
        assertFalse(validator.isShown(birth, other, self));
    }

    @Test
    void answersToQuestionsNoLongerAskedAreDroppedAndOtherwiseRefused() {
        Answers child = completeBirthAnswers()
                .with("for-whom", new Answer.Choice("child"))
                .with("child-name", new Answer.Text("Kai Joseph"));
        Answers changedBack = child.with("for-whom", new Answer.Choice("self"));
        assertEquals(
                List.of(new Violation("child-name", Check.NOT_ASKED)), validator.validate(birth, changedBack, TODAY));
        Answers cleaned = validator.withoutHidden(birth, changedBack);
        assertFalse(cleaned.has("child-name"));
        assertEquals(List.of(), validator.validate(birth, cleaned, TODAY));

        // Submit's one pass gives the same as the two steps.
        Validator.Checked checked = validator.checkSubmission(birth, changedBack, TODAY);
        assertEquals(cleaned, checked.asked());
        assertEquals(List.of(), checked.violations());
        Validator.Checked invalid =
                validator.checkSubmission(birth, changedBack.with("copies", new Answer.Text("two")), TODAY);
        assertFalse(invalid.asked().has("child-name"));
        assertEquals(List.of(new Violation("copies", Check.WRONG_TYPE)), invalid.violations());
    }

    @Test
    void unknownFieldsAndWrongShapesAreRefused() {
        Answers a = completeBirthAnswers()
                .with("favourite-colour", new Answer.Text("blue"))
                .with("copies", new Answer.Text("two"));
        List<Violation> v = validator.validate(birth, a, TODAY);
        assertTrue(v.contains(new Violation("favourite-colour", Check.UNKNOWN_FIELD)));
        assertTrue(v.contains(new Violation("copies", Check.WRONG_TYPE)));
    }

    @Test
    void textRulesGiveMessageKeysWithArguments() {
        Field name = birth.field("full-name").orElseThrow();
        assertEquals(
                List.of(new Violation("full-name", Check.TOO_SHORT, Map.of("min", "2"))),
                validator.check(name, new Answer.Text("M"), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("full-name", Check.TOO_LONG, Map.of("max", "80"))),
                validator.check(name, new Answer.Text("M".repeat(81)), Answers.empty(), TODAY));
        Field id = birth.field("national-id").orElseThrow();
        assertEquals(
                List.of(new Violation("national-id", Check.NOT_A_NATIONAL_ID, Map.of("example", "A123456"))),
                validator.check(id, new Answer.Text("123"), Answers.empty(), TODAY));
    }

    @Test
    void datesFollowTheirRulesRelativeToTheGivenDay() {
        Field dob = birth.field("date-of-birth").orElseThrow();
        assertEquals(List.of(), validator.check(dob, new Answer.Day(TODAY.minusDays(1)), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("date-of-birth", Check.DATE_MUST_BE_PAST)),
                validator.check(dob, new Answer.Day(TODAY), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("date-of-birth", Check.DATE_TOO_EARLY, Map.of("min", "1900-01-01"))),
                validator.check(dob, new Answer.Day(LocalDate.of(1899, 12, 31)), Answers.empty(), TODAY));
        Field noticed = report.field("noticed").orElseThrow();
        assertEquals(List.of(), validator.check(noticed, new Answer.Day(TODAY), Answers.empty(), TODAY));
    }

    @Test
    void numbersAndMoneyFollowTheirRanges() {
        Field copies = birth.field("copies").orElseThrow();
        assertEquals(
                List.of(new Violation("copies", Check.TOO_LARGE, Map.of("max", "5"))),
                validator.check(copies, new Answer.Number(new BigDecimal("6")), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("copies", Check.TOO_SMALL, Map.of("min", "1"))),
                validator.check(copies, new Answer.Number(BigDecimal.ZERO), Answers.empty(), TODAY));
        Field amount = report.field("amount").orElseThrow();
        assertEquals(
                List.of(new Violation("amount", Check.NOT_MONEY)),
                validator.check(amount, new Answer.Number(new BigDecimal("1.005")), Answers.empty(), TODAY));
    }

    @Test
    void choicesMustBeOptionsWithinTheirCounts() {
        Field purposes = birth.field("purposes").orElseThrow();
        assertEquals(
                List.of(new Violation("purposes", Check.TOO_MANY_CHOICES, Map.of("max", "2"))),
                validator.check(
                        purposes, new Answer.Choices(List.of("passport", "school", "other")), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("purposes", Check.UNKNOWN_CHOICE)),
                validator.check(purposes, new Answer.Choices(List.of("visa")), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("purposes", Check.UNKNOWN_CHOICE)),
                validator.check(purposes, new Answer.Choices(List.of("school", "school")), Answers.empty(), TODAY));
    }

    @Test
    void aDependentListOnlyAcceptsEntriesOfTheChosenParent() {
        Field community = report.field("community").orElseThrow();
        Answers castries = Answers.empty().with("district", new Answer.Choice("castries"));
        assertEquals(List.of(), validator.check(community, new Answer.Choice("marchand"), castries, TODAY));
        assertEquals(
                List.of(new Violation("community", Check.NOT_IN_PARENT)),
                validator.check(community, new Answer.Choice("fond-st-jacques"), castries, TODAY));
        assertEquals(
                List.of("marchand"),
                validator.listEntries(community, castries).stream()
                        .map(o -> o.value())
                        .toList());
        assertEquals(2, validator.listEntries(community, Answers.empty()).size());
    }

    @Test
    void signaturesMustHaveStrokesWithinTheCanvas() {
        Field sig = birth.field("signature").orElseThrow();
        assertEquals(
                List.of(new Violation("signature", Check.SIGNATURE_EMPTY)),
                validator.check(sig, new Answer.Signature(List.of()), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("signature", Check.WRONG_TYPE)),
                validator.check(
                        sig,
                        new Answer.Signature(List.of(new Stroke(new int[] {0, 0, 5000, 5}))),
                        Answers.empty(),
                        TODAY));
    }

    @Test
    void typedInputIsReadForgivingly() {
        assertParsed(new Answer.Day(LocalDate.of(1985, 3, 27)), "date-of-birth", " 27 3 1985 ");
        assertParsed(new Answer.Day(LocalDate.of(1985, 3, 27)), "date-of-birth", "27/03/1985");
        assertParsed(new Answer.Day(LocalDate.of(1985, 3, 27)), "date-of-birth", "1985-03-27");
        assertParsed(new Answer.Text("+17584521234"), "phone", "+1 (758) 452-1234");
        assertParsed(new Answer.Text("marie@Example.lc".replace("Example", "example")), "email", "marie@Example.LC");
        assertParsed(new Answer.Text("A123456"), "national-id", "a 123 456");
        assertParsed(new Answer.Number(new BigDecimal("1200")), "copies", "1,200");
        Field amount = report.field("amount").orElseThrow();
        assertEquals(
                new Parsed.Value(new Answer.Number(new BigDecimal("25.00"))), validator.parse(amount, "EC$ 25", "en"));
        assertInstanceOf(Parsed.Blank.class, validator.parse(amount, "   ", "en"));
    }

    @Test
    void typedInputThatCannotBeReadSaysWhatToDo() {
        Field dob = birth.field("date-of-birth").orElseThrow();
        assertEquals(
                new Parsed.Invalid(new Violation("date-of-birth", Check.NOT_A_DATE, Map.of("example", "27 3 1985"))),
                validator.parse(dob, "31 2 1990", "en"));
        assertEquals(
                new Parsed.Invalid(new Violation("copies", Check.NOT_A_NUMBER)),
                validator.parse(birth.field("copies").orElseThrow(), "1e9999999", "en"));
        assertEquals(
                new Parsed.Invalid(new Violation("phone", Check.NOT_A_PHONE)),
                validator.parse(birth.field("phone").orElseThrow(), "call me", "en"));
        assertEquals(
                List.of(new Violation("phone", Check.NOT_A_PHONE)),
                validator.check(birth.field("phone").orElseThrow(), new Answer.Text("12"), Answers.empty(), TODAY));
        assertEquals(
                List.of(new Violation("email", Check.NOT_AN_EMAIL)),
                validator.check(birth.field("email").orElseThrow(), new Answer.Text("marie@"), Answers.empty(), TODAY));
    }

    @Test
    void decimalsFollowTheCitizensLanguage() {
        Field amount = report.field("amount").orElseThrow();
        assertEquals(
                new Parsed.Value(new Answer.Number(new BigDecimal("350.00"))), validator.parse(amount, "350,00", "fr"));
        assertEquals(
                new Parsed.Value(new Answer.Number(new BigDecimal("1234.50"))),
                validator.parse(amount, "1 234,50 EC$", "fr"));
        assertEquals(
                new Parsed.Value(new Answer.Number(new BigDecimal("1234.50"))),
                validator.parse(amount, "EC$ 1,234.50", "en"));
        assertEquals(
                new Parsed.Value(new Answer.Number(new BigDecimal("1.5"))),
                validator.parse(birth.field("copies").orElseThrow(), "1,5", "fr"));
    }

    @Test
    void blankOptionalAnswersAreNoAnswerAndBlankRequiredOnesAreMissing() {
        Field phone = birth.field("phone").orElseThrow();
        assertEquals(List.of(), validator.check(phone, new Answer.Text("   "), Answers.empty(), TODAY));
        Field name = birth.field("full-name").orElseThrow();
        assertEquals(
                List.of(new Violation("full-name", Check.REQUIRED)),
                validator.check(name, new Answer.Text("  "), Answers.empty(), TODAY));
        Field purposes = birth.field("purposes").orElseThrow();
        assertEquals(List.of(), validator.check(purposes, new Answer.Choices(List.of()), Answers.empty(), TODAY));
    }

    private void assertParsed(Answer expected, String fieldId, String typed) {
        Field field = birth.field(fieldId).orElseThrow();
        assertEquals(new Parsed.Value(expected), validator.parse(field, typed, "en"), typed);
    }
}
