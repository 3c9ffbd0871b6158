package org.accesscentre.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.accesscentre.core.answer.Answers;
import org.accesscentre.core.validation.Check;
import org.accesscentre.core.validation.Parsed;
import org.accesscentre.core.validation.Validator;
import org.accesscentre.core.validation.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {
    private static final Path SCHEMA = Path.of("../docs/catalogue.schema.json");
    private static final Set<FieldType> TEXT_TYPES =
            EnumSet.of(FieldType.TEXT, FieldType.LONG_TEXT, FieldType.PHONE, FieldType.EMAIL, FieldType.NATIONAL_ID);

    private static Catalogue catalogue;
    private static JsonNode schema;

    @BeforeAll
    static void load() throws IOException {
        catalogue = DemoCatalogue.load();
        schema = new ObjectMapper().readTree(Files.readString(SCHEMA));
    }

    @Test
    void loadsStrictlyWithBothLocales() throws Exception {
        try (InputStream in = DemoCatalogue.open()) {
            Catalogue strict = CatalogueReader.strict().read(in, DemoCatalogue.RESOURCE);
            assertEquals(
                    catalogue.services().stream().map(Service::id).toList(),
                    strict.services().stream().map(Service::id).toList());
        }
        assertEquals(List.of("en", "fr"), catalogue.locales());
        assertEquals("en", catalogue.defaultLocale());
    }

    @Test
    void hasEnoughServicesAndCategories() {
        assertTrue(
                catalogue.services().size() >= 10,
                "services: " + catalogue.services().size());
        assertTrue(
                catalogue.categories().size() >= 6,
                "categories: " + catalogue.categories().size());
        for (Category c : catalogue.categories()) {
            assertFalse(catalogue.servicesIn(c.id()).isEmpty(), "category " + c.id() + " has no service");
        }
    }

    @Test
    void birthCertificate() {
        Service s = service("birth-certificate");
        Fee fee = s.fee();
        assertNotNull(fee);
        assertEquals(new Fee(2500, "XCD", Fee.PayAt.DESK), fee);
        Field whose = field(s, "whose", FieldType.SINGLE_CHOICE);
        assertEquals(
                List.of("self", "child", "other"),
                whose.options().stream().map(Option::value).toList());
        Field relationship = field(s, "relationship", FieldType.SINGLE_CHOICE);
        assertEquals(new ShowIf("whose", ShowIf.Test.IS, "other"), relationship.showIf());
        assertEquals(
                DateRule.PAST, field(s, "date_of_birth", FieldType.DATE).rules().date());
        assertEquals(
                "districts",
                field(s, "district_of_birth", FieldType.LIST_CHOICE).list());
        field(s, "purpose", FieldType.SINGLE_CHOICE);
        assertTrue(field(s, "signature", FieldType.SIGNATURE).required());
        assertTrue(field(s, "consent", FieldType.CONSENT).required());
    }

    @Test
    void licenceRenewal() {
        Service s = service("licence-renewal");
        assertNotNull(s.fee());
        assertNotNull(field(s, "licence_number", FieldType.TEXT).rules().pattern());
        field(s, "expiry_date", FieldType.DATE);
        assertTrue(s.text("en", "en").summary().contains("photo"));
        field(s, "photo_office", FieldType.SINGLE_CHOICE);
    }

    @Test
    void propertyTax() {
        Service s = service("property-tax");
        assertNotNull(field(s, "property_id", FieldType.TEXT).rules().pattern());
        Field amount = field(s, "amount", FieldType.MONEY);
        assertNotNull(amount.rules().min());
        field(s, "tax_year", FieldType.NUMBER);
        assertTrue(s.text("en", "en").fee().contains("desk"));
    }

    @Test
    void publicAssistance() {
        Service s = service("public-assistance");
        Rules household = field(s, "household_size", FieldType.NUMBER).rules();
        assertNotNull(household.min());
        assertNotNull(household.max());
        field(s, "monthly_income", FieldType.MONEY);
        field(s, "needs", FieldType.MULTI_CHOICE);
        assertTrue(hasFollowUp(s, FieldType.YES_NO), "a yes/no question with a follow-up");
        assertTrue(hasFollowUp(s, FieldType.MULTI_CHOICE), "a multi_choice question with a follow-up");
    }

    @Test
    void businessName() {
        Service s = service("business-name");
        assertNotNull(s.fee());
        field(s, "proposed_name", FieldType.TEXT);
        field(s, "business_type", FieldType.SINGLE_CHOICE);
        field(s, "owner_id", FieldType.NATIONAL_ID);
        field(s, "email", FieldType.EMAIL);
        field(s, "phone", FieldType.PHONE);
    }

    @Test
    void jobSeeker() {
        Service s = service("job-seeker");
        field(s, "education", FieldType.SINGLE_CHOICE);
        Field skills = field(s, "skills", FieldType.MULTI_CHOICE);
        assertNotNull(skills.rules().maxChoices());
        field(s, "experience", FieldType.LONG_TEXT);
        field(s, "availability", FieldType.SINGLE_CHOICE);
    }

    @Test
    void nicStatement() {
        Service s = service("nic-statement");
        assertNotNull(field(s, "nic_number", FieldType.TEXT).rules().pattern());
        field(s, "period_from", FieldType.DATE);
        field(s, "period_to", FieldType.DATE);
    }

    @Test
    void reportAProblem() {
        Service s = service("report-problem");
        Field type = field(s, "problem_type", FieldType.SINGLE_CHOICE);
        assertTrue(type.option("pothole").isPresent());
        assertTrue(type.option("streetlight").isPresent());
        assertTrue(type.option("water").isPresent());
        Field district = field(s, "district", FieldType.LIST_CHOICE);
        assertEquals("districts", district.list());
        Field community = field(s, "community", FieldType.LIST_CHOICE);
        assertEquals("communities", community.list());
        assertEquals("district", community.dependsOn());
        field(s, "description", FieldType.LONG_TEXT);
        assertFalse(field(s, "phone", FieldType.PHONE).required());
    }

    @Test
    void feedback() {
        Service s = service("feedback");
        field(s, "office", FieldType.SINGLE_CHOICE);
        Field rating = field(s, "rating", FieldType.SINGLE_CHOICE);
        assertEquals(
                List.of("1", "2", "3", "4", "5"),
                rating.options().stream().map(Option::value).toList());
        field(s, "comment", FieldType.LONG_TEXT);
        assertFalse(field(s, "phone", FieldType.PHONE).required());
        assertFalse(field(s, "email", FieldType.EMAIL).required());
    }

    @Test
    void appointment() {
        Service s = service("appointment");
        field(s, "office", FieldType.SINGLE_CHOICE);
        assertEquals(
                DateRule.TODAY_OR_FUTURE,
                field(s, "appointment_date", FieldType.DATE).rules().date());
        field(s, "time_slot", FieldType.SINGLE_CHOICE);
        field(s, "reason", FieldType.LONG_TEXT);
    }

    @Test
    void usesEveryFieldType() {
        Set<FieldType> used = catalogue.services().stream()
                .flatMap(s -> s.fields().stream())
                .map(Field::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FieldType.class)));
        assertEquals(EnumSet.allOf(FieldType.class), used);
    }

    @Test
    void everyCommunityBelongsToADistrict() {
        ChoiceList districts = catalogue.list("districts").orElseThrow();
        ChoiceList communities = catalogue.list("communities").orElseThrow();
        assertEquals(10, districts.entries().size());
        Map<String, Integer> perDistrict = new HashMap<>();
        for (Option community : communities.entries()) {
            String parent = community.parent();
            assertNotNull(parent, community.value() + " has no district");
            assertTrue(districts.entry(parent).isPresent(), community.value() + ": no district " + parent);
            perDistrict.merge(parent, 1, Integer::sum);
        }
        for (Option district : districts.entries()) {
            assertTrue(
                    perDistrict.getOrDefault(district.value(), 0) >= 2,
                    "district " + district.value() + " needs several communities");
            assertNull(district.parent(), "a district has no parent");
        }
    }

    @Test
    void everyDependentListChoiceCanBeAnswered() {
        for (Service s : catalogue.services()) {
            for (Field f : s.fields()) {
                String dependsOn = f.dependsOn();
                if (dependsOn == null) {
                    continue;
                }
                Field parent = s.field(dependsOn).orElseThrow();
                ChoiceList parents = catalogue.list(parent.list()).orElseThrow();
                ChoiceList children = catalogue.list(f.list()).orElseThrow();
                for (Option p : parents.entries()) {
                    assertTrue(
                            children.entries().stream().anyMatch(c -> p.value().equals(c.parent())),
                            s.id() + "." + f.id() + " offers nothing for " + p.value());
                }
            }
        }
    }

    /** Examples are shown in hints and error messages, so each must be an answer the kiosk accepts. */
    @Test
    void everyExampleIsAnAcceptedAnswer() {
        Validator validator = new Validator(catalogue);
        LocalDate today = LocalDate.now();
        Set<Check> relativeToToday = EnumSet.of(
                Check.DATE_MUST_BE_PAST,
                Check.DATE_MUST_BE_PAST_OR_TODAY,
                Check.DATE_MUST_BE_FUTURE,
                Check.DATE_MUST_BE_TODAY_OR_FUTURE);
        List<String> problems = new ArrayList<>();
        for (Service s : catalogue.services()) {
            for (Field f : s.fields()) {
                LocalizedText example = f.example();
                if (example == null) {
                    continue;
                }
                for (String locale : catalogue.locales()) {
                    String text = example.get(locale, locale);
                    String where = s.id() + "." + f.id() + " [" + locale + "] '" + text + "'";
                    Parsed parsed = validator.parse(f, text, locale);
                    if (!(parsed instanceof Parsed.Value value)) {
                        problems.add(where + ": " + parsed);
                        continue;
                    }
                    List<Violation> violations = validator.check(f, value.answer(), Answers.empty(), today).stream()
                            .filter(v -> !relativeToToday.contains(v.check()))
                            .toList();
                    if (!violations.isEmpty()) {
                        problems.add(where + ": " + violations);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyFreeTextQuestionHasALimitOrAnExample() {
        for (Service s : catalogue.services()) {
            for (Field f : s.fields()) {
                if (f.rules().pattern() != null) {
                    assertNotNull(f.example(), s.id() + "." + f.id() + " has a pattern but no example");
                }
                if (f.type() == FieldType.DATE) {
                    assertNotNull(f.example(), s.id() + "." + f.id() + " is a date without an example");
                }
            }
        }
    }

    @Test
    void schemaTypeEnumIsFieldTypes() {
        JsonNode types = schema.at("/$defs/field/properties/type/enum");
        assertTrue(types.isArray(), "schema has $defs.field.properties.type.enum");
        List<String> names = new ArrayList<>();
        types.forEach(n -> names.add(n.asText()));
        assertEquals(FieldType.allJsonNames(), String.join(", ", names));
    }

    @Test
    void schemaDateRulesAreDateRules() {
        List<String> names = new ArrayList<>();
        schema.at("/$defs/rules/properties/date/enum").forEach(n -> names.add(n.asText()));
        assertEquals(Arrays.stream(DateRule.values()).map(DateRule::jsonName).toList(), names);
    }

    @Test
    void schemaLimitsAreTheReadersLimits() {
        assertAll(
                () -> assertEquals(CatalogueReader.MAX_SERVICES, intAt("/properties/services/maxItems")),
                () -> assertEquals(CatalogueReader.MAX_FIELDS, intAt("/$defs/service/properties/fields/maxItems")),
                () -> assertEquals(CatalogueReader.MAX_OPTIONS, intAt("/$defs/field/properties/options/maxItems")),
                () -> assertEquals(CatalogueReader.MAX_OPTIONS, intAt("/$defs/rules/properties/maxChoices/maximum")),
                () -> assertEquals(CatalogueReader.MAX_LIST_ENTRIES, intAt("/$defs/list/maxItems")),
                () -> assertEquals(CatalogueReader.MAX_TITLE, intAt("/$defs/shortText/maxLength")),
                () -> assertEquals(CatalogueReader.MAX_PARAGRAPH, intAt("/$defs/paragraph/maxLength")),
                () -> assertEquals(RulesMapper.MAX_PATTERN, intAt("/$defs/rules/properties/pattern/maxLength")),
                () -> assertEquals(
                        AnswerLimits.maxLength(FieldType.LONG_TEXT),
                        intAt("/$defs/rules/properties/maxLength/maximum")),
                () -> assertEquals(
                        CatalogueReader.ID.pattern(),
                        stripAnchors(schema.at("/$defs/id/pattern").asText())));
    }

    /** Each text type's own length limit appears once in the schema, as the cap of its rules. */
    @Test
    void schemaLengthCapsAreTheAnswerLimits() {
        Map<FieldType, Integer> caps = new HashMap<>();
        for (JsonNode part : schema.at("/$defs/field/allOf")) {
            JsonNode type = part.at("/if/properties/type/const");
            JsonNode cap = part.at("/then/properties/rules/properties/maxLength/maximum");
            if (type.isTextual() && cap.isInt()) {
                FieldType t = FieldType.fromJson(type.asText()).orElseThrow();
                caps.put(t, cap.asInt());
                assertEquals(
                        cap.asInt(),
                        part.at("/then/properties/rules/properties/minLength/maximum")
                                .asInt(),
                        t + ": minLength cap");
            }
        }
        Map<FieldType, Integer> expected = new HashMap<>();
        for (FieldType t : TEXT_TYPES) {
            expected.put(t, AnswerLimits.maxLength(t));
        }
        assertEquals(expected, caps);
    }

    private static int intAt(String pointer) {
        JsonNode n = schema.at(pointer);
        assertTrue(n.isInt(), "schema has an integer at " + pointer);
        return n.asInt();
    }

    private static String stripAnchors(String regex) {
        String r = regex.startsWith("^") ? regex.substring(1) : regex;
        return r.endsWith("$") ? r.substring(0, r.length() - 1) : r;
    }

    private static Service service(String id) {
        return catalogue.service(id).orElseThrow(() -> new AssertionError("no service " + id));
    }

    private static Field field(Service s, String id, FieldType type) {
        Field f = s.field(id).orElseThrow(() -> new AssertionError(s.id() + " has no question " + id));
        assertEquals(type, f.type(), s.id() + "." + id);
        return f;
    }

    /** Whether some question of this type shows a later question. */
    private static boolean hasFollowUp(Service s, FieldType type) {
        return s.fields().stream()
                .filter(f -> f.type() == type)
                .anyMatch(target -> s.fields().stream()
                        .anyMatch(f -> f.showIf() != null && f.showIf().field().equals(target.id())));
    }
}
