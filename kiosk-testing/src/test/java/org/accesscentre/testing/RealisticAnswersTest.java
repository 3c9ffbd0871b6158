package org.accesscentre.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accesscentre.core.answer.Answer;
import org.accesscentre.core.answer.AnswerCodec;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.answer.Stroke;
import org.accesscentre.core.catalogue.AnswerLimits;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.CatalogueReader;
import org.accesscentre.core.catalogue.DemoCatalogue;
import org.accesscentre.core.catalogue.Field;
import org.accesscentre.core.catalogue.FieldType;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RealisticAnswersTest {
    private static final int SEEDS = 200;
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final Catalogue DEMO = DemoCatalogue.load();

    static Stream<String> demoServices() {
        return DEMO.services().stream().map(Service::id);
    }

    @ParameterizedTest
    @MethodSource("demoServices")
    void demoAnswersAreValidAndReachEveryQuestion(String serviceId) {
        assertValidAndComplete(DEMO, DEMO.service(serviceId).orElseThrow(), TODAY, SEEDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "2026-12-31", "2031-07-15", "2000-01-01"})
    void demoAnswersAreValidOnOtherDays(String day) {
        LocalDate today = LocalDate.parse(day);
        Validator validator = new Validator(DEMO);
        for (Service service : DEMO.services()) {
            for (int seed = 0; seed < 50; seed++) {
                Answers answers = RealisticAnswers.forService(DEMO, service, new Random(seed), today);
                assertEquals(List.of(), validator.validate(service, answers, today), service.id() + ", seed " + seed);
            }
        }
    }

    @Test
    void sameSeedSameAnswers() {
        for (Service service : DEMO.services()) {
            for (long seed : new long[] {0, 7, 42, 1234567890123L}) {
                Answers first = RealisticAnswers.forService(DEMO, service, new Random(seed), TODAY);
                Answers second = RealisticAnswers.forService(DEMO, service, new Random(seed), TODAY);
                assertEquals(first.values(), second.values(), service.id() + ", seed " + seed);
                assertEquals(first, second);
            }
        }
    }

    @Test
    void differentSeedsDifferentAnswers() {
        for (Service service : DEMO.services()) {
            Set<Map<String, Answer>> distinct = new LinkedHashSet<>();
            for (int seed = 0; seed < 20; seed++) {
                distinct.add(RealisticAnswers.forService(DEMO, service, new Random(seed), TODAY)
                        .values());
            }
            assertEquals(20, distinct.size(), service.id());
        }
    }

    /** What the kiosk seals is what the portal validates: the answers survive their JSON form unchanged. */
    @Test
    void answersSurviveTheSubmissionEncoding() {
        for (Service service : DEMO.services()) {
            for (int seed = 0; seed < 20; seed++) {
                Answers answers = RealisticAnswers.forService(DEMO, service, new Random(seed), TODAY);
                AnswerCodec.Decoded decoded = AnswerCodec.decode(service, AnswerCodec.encode(answers), Map.of());
                assertEquals(List.of(), decoded.wrongType());
                assertEquals(answers, decoded.answers(), service.id() + ", seed " + seed);
            }
        }
    }

    @Test
    void answersLookLikeSaintLucia() {
        Pattern phone = Pattern.compile("(\\+1758|758)?[2-9]\\d{6}");
        Pattern name = Pattern.compile("\\p{Lu}[\\p{L}']+( \\p{Lu}[\\p{L}']+)+");
        Pattern email = Pattern.compile("[a-z0-9._]+@[a-z]+\\.(com|lc)");
        for (Service service : DEMO.services()) {
            for (int seed = 0; seed < SEEDS; seed++) {
                Answers answers = RealisticAnswers.forService(DEMO, service, new Random(seed), TODAY);
                for (Field field : service.fields()) {
                    Answer answer = answers.get(field.id()).orElse(null);
                    String where = service.id() + "." + field.id() + ", seed " + seed;
                    if (answer == null) {
                        continue;
                    }
                    if (field.type() == FieldType.PHONE && answer instanceof Answer.Text t) {
                        assertTrue(phone.matcher(t.value()).matches(), where + ": " + t.value());
                    }
                    if (field.type() == FieldType.EMAIL && answer instanceof Answer.Text t) {
                        assertTrue(email.matcher(t.value()).matches(), where + ": " + t.value());
                    }
                    if (field.id().endsWith("name")
                            && field.type() == FieldType.TEXT
                            && !field.id().contains("proposed")
                            && !field.id().contains("alternative")
                            && answer instanceof Answer.Text t) {
                        assertTrue(name.matcher(t.value()).matches(), where + ": " + t.value());
                    }
                    if (answer instanceof Answer.Signature s) {
                        assertSignatureIsPlausible(s, where);
                    }
                    if (field.type() == FieldType.CONSENT) {
                        assertEquals(new Answer.YesNo(true), answer, where);
                    }
                }
            }
        }
    }

    private static void assertSignatureIsPlausible(Answer.Signature signature, String where) {
        List<Stroke> strokes = signature.strokes();
        assertTrue(strokes.size() == 3 || strokes.size() == 4, where + ": " + strokes.size() + " strokes");
        int minX = Integer.MAX_VALUE;
        int maxX = Integer.MIN_VALUE;
        for (int i = 0; i < strokes.size(); i++) {
            Stroke stroke = strokes.get(i);
            if (i < 3) {
                assertTrue(stroke.size() >= 40 && stroke.size() <= 120, where + ": stroke of " + stroke.size());
            }
            for (int p = 0; p < stroke.size(); p++) {
                assertTrue(stroke.x(p) >= 0 && stroke.x(p) <= AnswerLimits.SIGNATURE_CANVAS, where);
                assertTrue(stroke.y(p) >= 0 && stroke.y(p) <= AnswerLimits.SIGNATURE_CANVAS, where);
                minX = Math.min(minX, stroke.x(p));
                maxX = Math.max(maxX, stroke.x(p));
            }
        }
        assertTrue(maxX - minX > 300, where + ": a signature spans the pad");
    }

    /** The generator is for any catalogue, not just the demo: rules at their edges, chains and unusual patterns. */
    @Test
    void anyCatalogueWithTrickyRules() throws JsonInputException {
        Catalogue tricky = read(TRICKY);
        Service service = tricky.services().getFirst();
        assertValidAndComplete(tricky, service, TODAY, SEEDS);

        Answers answers = RealisticAnswers.forService(tricky, service, new Random(3), TODAY);
        assertTrue(
                Pattern.matches(
                        "[A-Z]{2}-\\d{4}(-[0-9]{2})?",
                        ((Answer.Text) answers.get("code").orElseThrow()).value()),
                "a pattern without an example is sampled");
    }

    @Test
    void aPatternItCannotMeetFailsClearly() throws JsonInputException {
        Catalogue catalogue = read(ONE_FIELD.formatted("""
                {"id": "ref", "type": "text", "label": {"en": "Reference"},
                 "rules": {"required": true, "pattern": "(?i)ref\\\\d{4}"}}"""));
        Service service = catalogue.services().getFirst();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> RealisticAnswers.forService(catalogue, service, new Random(1), TODAY));
        assertTrue(e.getMessage().contains("question 'ref'"), e.getMessage());
        assertTrue(e.getMessage().contains("of service 'one'"), e.getMessage());
        assertTrue(e.getMessage().contains("(?i)ref\\d{4}"), e.getMessage());
        assertTrue(e.getMessage().contains("example"), e.getMessage());
    }

    @Test
    void aPatternMetByItsExampleIsFine() throws JsonInputException {
        Catalogue catalogue = read(ONE_FIELD.formatted("""
                {"id": "ref", "type": "text", "label": {"en": "Reference"}, "example": {"en": "REF1234"},
                 "rules": {"required": true, "pattern": "(?i)ref\\\\d{4}"}}"""));
        assertValidAndComplete(catalogue, catalogue.services().getFirst(), TODAY, 20);
    }

    @Test
    void aDateNoDayCanMeetFailsClearly() throws JsonInputException {
        Catalogue catalogue = read(ONE_FIELD.formatted("""
                {"id": "when", "type": "date", "label": {"en": "When"},
                 "rules": {"required": true, "date": "future", "maxDate": "2020-01-01"}}"""));
        Service service = catalogue.services().getFirst();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> RealisticAnswers.forService(catalogue, service, new Random(1), TODAY));
        assertTrue(e.getMessage().contains("question 'when'"), e.getMessage());
    }

    @Test
    void aServiceOfAnotherCatalogueIsRefused() throws JsonInputException {
        Catalogue other = read(ONE_FIELD.formatted("""
                {"id": "x", "type": "yes_no", "label": {"en": "X"}}"""));
        Service foreign = other.services().getFirst();
        assertThrows(
                IllegalArgumentException.class, () -> RealisticAnswers.forService(DEMO, foreign, new Random(1), TODAY));
    }

    private static void assertValidAndComplete(Catalogue catalogue, Service service, LocalDate today, int seeds) {
        Validator validator = new Validator(catalogue);
        Set<String> answered = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            Answers answers = RealisticAnswers.forService(catalogue, service, new Random(seed), today);
            List<Violation> violations = validator.validate(service, answers, today);
            if (!violations.isEmpty()) {
                failures.add("seed " + seed + ": " + violations);
            }
            answered.addAll(answers.values().keySet());
        }
        List<String> unanswered = service.fields().stream()
                .map(Field::id)
                .filter(id -> !answered.contains(id))
                .toList();
        assertAll(
                () -> assertEquals(List.of(), failures, service.id() + ": violations"),
                () -> assertEquals(List.of(), unanswered, service.id() + ": never answered in " + seeds + " seeds"));
        assertNotEquals(0, answered.size());
    }

    private static Catalogue read(String json) throws JsonInputException {
        return CatalogueReader.strict()
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test-catalogue.json");
    }

    private static final String HEAD = """
            {
              "format": 1, "version": 1, "locales": ["en"],
              "categories": [{"id": "c", "icon": "star", "title": {"en": "C"}, "description": {"en": "C."}}],
              "agencies": [{"id": "a", "name": {"en": "Agency"}}],
            """;

    private static final String SERVICE_HEAD = """
              "services": [{
                "id": "%s", "version": 1, "category": "c", "agency": "a",
                "text": {"en": {"title": "T", "summary": "S.", "whatYouNeed": [], "fee": "Free",
                                "processingTime": "A day", "confirmation": "Done."}},
            """;

    /** A catalogue of one service, "one", with the question given in place of %s. */
    private static final String ONE_FIELD = HEAD + SERVICE_HEAD.formatted("one").replace("%", "%%") + """
                "fields": [%s]
              }]
            }
            """;

    private static final String TRICKY = HEAD + """
              "lists": {
                "regions": [
                  {"value": "north", "label": {"en": "North"}},
                  {"value": "south", "label": {"en": "South"}}
                ],
                "towns": [
                  {"value": "t1", "label": {"en": "Upper Town"}, "parent": "north"},
                  {"value": "t2", "label": {"en": "Lower Town"}, "parent": "south"},
                  {"value": "t3", "label": {"en": "Bay Town (port)"}, "parent": "south"}
                ],
                "streets": [
                  {"value": "s1", "label": {"en": "Hill Street"}, "parent": "t1"},
                  {"value": "s2", "label": {"en": "Shore Road"}, "parent": "t2"},
                  {"value": "s3", "label": {"en": "Wharf Road"}, "parent": "t3"},
                  {"value": "s4", "label": {"en": "Market Street"}, "parent": "t3"}
                ]
              },
            """ + SERVICE_HEAD.formatted("tricky") + """
                "fields": [
                  {"id": "code", "type": "text", "label": {"en": "Reference code"},
                   "rules": {"required": true, "pattern": "^[A-Z]{2}-\\\\d{4}(-[0-9]{2})?$"}},
                  {"id": "plate", "type": "text", "label": {"en": "Vehicle plate"}, "example": {"en": "PB 1234"},
                   "rules": {"required": true, "pattern": "(P|H|T)[A-Z]? ?[0-9]{1,4}"}},
                  {"id": "essay", "type": "long_text", "label": {"en": "Why"},
                   "rules": {"required": true, "minLength": 300, "maxLength": 400}},
                  {"id": "initials", "type": "text", "label": {"en": "Initials"},
                   "rules": {"required": true, "minLength": 2, "maxLength": 3}},
                  {"id": "ratio", "type": "number", "label": {"en": "Ratio"},
                   "rules": {"required": true, "min": 0.25, "max": 0.75}},
                  {"id": "big", "type": "number", "label": {"en": "Big"},
                   "rules": {"required": true, "min": 100000, "max": 100005}},
                  {"id": "cold", "type": "number", "label": {"en": "Temperature"}, "rules": {"min": -40, "max": -10}},
                  {"id": "price", "type": "money", "label": {"en": "Price"},
                   "rules": {"required": true, "min": 0.05, "max": 0.10}},
                  {"id": "old", "type": "date", "label": {"en": "Old"},
                   "rules": {"required": true, "minDate": "1890-01-01", "maxDate": "1899-12-31"}},
                  {"id": "soon", "type": "date", "label": {"en": "Soon"},
                   "rules": {"required": true, "date": "future", "maxDate": "2199-01-01"}},
                  {"id": "term_start", "type": "date", "label": {"en": "Start"}, "rules": {"required": true}},
                  {"id": "term_end", "type": "date", "label": {"en": "End"}, "rules": {"required": true}},
                  {"id": "picks", "type": "multi_choice", "label": {"en": "Picks"},
                   "rules": {"minChoices": 2, "maxChoices": 3},
                   "options": [
                     {"value": "a", "label": {"en": "A"}}, {"value": "b", "label": {"en": "B"}},
                     {"value": "c", "label": {"en": "C"}}, {"value": "d", "label": {"en": "D"}}
                   ]},
                  {"id": "only_if_c", "type": "yes_no", "label": {"en": "C?"}, "rules": {"required": true},
                   "showIf": {"field": "picks", "has": "c"}},
                  {"id": "chained", "type": "text", "label": {"en": "Tell us more"}, "rules": {"required": true},
                   "showIf": {"field": "only_if_c", "is": true}},
                  {"id": "region", "type": "list_choice", "label": {"en": "Region"}, "list": "regions"},
                  {"id": "town", "type": "list_choice", "label": {"en": "Town"}, "list": "towns",
                   "dependsOn": "region", "rules": {"required": true}},
                  {"id": "street", "type": "list_choice", "label": {"en": "Street"}, "list": "streets",
                   "dependsOn": "town"},
                  {"id": "if_south", "type": "text", "label": {"en": "Note for the south"},
                   "showIf": {"field": "region", "is": "south"}},
                  {"id": "work_email", "type": "email", "label": {"en": "Work email"},
                   "rules": {"required": true, "pattern": "[a-z.]+@govt\\\\.lc"}},
                  {"id": "tel", "type": "phone", "label": {"en": "Phone"},
                   "rules": {"required": true, "pattern": "\\\\+1758\\\\d{7}"}},
                  {"id": "nid", "type": "national_id", "label": {"en": "ID"}, "rules": {"required": true}},
                  {"id": "passport", "type": "national_id", "label": {"en": "Passport"},
                   "rules": {"required": true, "minLength": 9, "maxLength": 9}},
                  {"id": "agree", "type": "consent", "label": {"en": "OK"}},
                  {"id": "sign", "type": "signature", "label": {"en": "Sign"}, "rules": {"required": true}}
                ]
              }]
            }
            """;
}
