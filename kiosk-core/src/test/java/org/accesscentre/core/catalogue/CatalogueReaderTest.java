package org.accesscentre.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueReaderTest {

    @Test
    void readsEveryPartOfAValidCatalogue() {
        Catalogue c = TestCatalogue.load();
        assertEquals(7, c.version());
        assertEquals("en", c.defaultLocale());
        assertEquals(2, c.categories().size());
        Service birth = c.service("birth-certificate").orElseThrow();
        assertEquals(3, birth.version());
        assertEquals(2500, birth.feeCents());
        assertEquals(Fee.PayAt.DESK, birth.fee().payAt());
        assertEquals("Copie d'acte de naissance", birth.text("fr", "en").title());
        Field dob = birth.field("date-of-birth").orElseThrow();
        assertEquals(FieldType.DATE, dob.type());
        assertEquals(DateRule.PAST, dob.rules().date());
        Field child = birth.field("child-name").orElseThrow();
        assertEquals(new ShowIf("for-whom", ShowIf.Test.IS, "child"), child.showIf());
        Field copies = birth.field("copies").orElseThrow();
        assertEquals(0, new BigDecimal("5").compareTo(copies.rules().max()));
        Field community =
                c.service("report-problem").orElseThrow().field("community").orElseThrow();
        assertEquals("district", community.dependsOn());
        assertEquals(
                "castries",
                c.list("communities")
                        .orElseThrow()
                        .entry("marchand")
                        .orElseThrow()
                        .parent());
    }

    @Test
    void everyFieldTypeRoundTripsItsJsonName() {
        for (FieldType t : FieldType.values()) {
            assertEquals(t, FieldType.fromJson(t.jsonName()).orElseThrow());
        }
    }

    @Test
    void unknownFieldTypeNamesThePathAndTheType() {
        String message = refusal(c -> field(c, 0, 1).put("type", "dat"));
        assertTrue(message.startsWith("test.json: services[0].fields[1].type: unknown type 'dat'"), message);
    }

    @Test
    void wrongTypesAreRefusedWithTheirPath() {
        assertEquals("test.json: version: must be a whole number, not text", refusal(c -> c.put("version", "seven")));
        assertEquals(
                "test.json: services[1].fields: must be a list, not an object",
                refusal(c -> service(c, 1).putObject("fields")));
        assertEquals(
                "test.json: services[0].fields[0].rules.required: must be true or false, not text",
                refusal(c -> ((ObjectNode) field(c, 0, 0).get("rules")).put("required", "yes")));
        assertEquals(
                "test.json: categories[0].title.fr: must be text, not a number",
                refusal(c ->
                        ((ObjectNode) ((ObjectNode) c.withArray("categories").get(0)).get("title")).put("fr", 3)));
    }

    @Test
    void strictReaderRefusesUnknownPropertiesAndLenientIgnoresThem() throws Exception {
        ObjectNode tree = TestCatalogue.tree();
        ((ObjectNode) field(tree, 0, 0).get("rules")).put("requird", true);
        byte[] json = Json.wire().writeValueAsBytes(tree);
        JsonInputException e = assertThrows(
                JsonInputException.class,
                () -> CatalogueReader.strict().read(new ByteArrayInputStream(json), "test.json"));
        assertEquals("test.json: services[0].fields[0].rules.requird: unknown property 'requird'", e.getMessage());
        assertNotNull(CatalogueReader.lenient().read(new ByteArrayInputStream(json), "test.json"));
    }

    @Test
    void brokenReferencesAreRefused() {
        assertEquals(
                "test.json: services[0].category: there is no category 'births'",
                refusal(c -> service(c, 0).put("category", "births")));
        assertEquals(
                "test.json: services[0].fields[3].showIf.field: must name an earlier question of this service, not 'signature'",
                refusal(c -> ((ObjectNode) field(c, 0, 3).get("showIf")).put("field", "signature")));
        assertEquals(
                "test.json: services[1].fields[1].dependsOn: must name an earlier list_choice question, not 'details'",
                refusal(c -> field(c, 1, 1).put("dependsOn", "details")));
        assertEquals(
                "test.json: services[1].fields[0].list: there is no list 'parishes' in the catalogue's lists",
                refusal(c -> field(c, 1, 0).put("list", "parishes")));
        assertEquals(
                "test.json: services[0].fields[3].showIf.is: 'grandchild' is not an option of 'for-whom'",
                refusal(c -> ((ObjectNode) field(c, 0, 3).get("showIf")).put("is", "grandchild")));
        assertEquals(
                "test.json: lists.communities[1].parent: 'vieux-fort' is not an entry of any other list",
                refusal(c -> ((ObjectNode) ((ObjectNode) c.get("lists"))
                                .withArray("communities")
                                .get(1))
                        .put("parent", "vieux-fort")));
    }

    @Test
    void duplicatesAndMissingTextsAreRefused() {
        assertEquals(
                "test.json: services[0].fields[1].id: there is already a question with id 'full-name' in this service",
                refusal(c -> field(c, 0, 1).put("id", "full-name")));
        assertEquals(
                "test.json: services[1].id: there is already a service with id 'birth-certificate'",
                refusal(c -> service(c, 1).put("id", "birth-certificate")));
        assertTrue(refusal(c -> ((ObjectNode) service(c, 0).get("text")).remove("fr"))
                .startsWith("test.json: services[0].text.fr: is missing"));
        assertTrue(refusal(c -> ((ObjectNode) field(c, 0, 0).get("label")).remove("fr"))
                .startsWith("test.json: services[0].fields[0].label.fr: is missing"));
    }

    @Test
    void rulesMustFitTheirFieldType() {
        assertEquals(
                "test.json: services[0].fields[1].rules.minLength: does not apply to a date question",
                refusal(c -> ((ObjectNode) field(c, 0, 1).get("rules")).put("minLength", 3)));
        assertEquals(
                "test.json: services[0].fields[4].rules.pattern: is not a valid regular expression: Unclosed character class",
                refusal(c -> ((ObjectNode) field(c, 0, 4).get("rules")).put("pattern", "[A-Z")));
        assertEquals(
                "test.json: services[0].fields[0].rules.minLength: is more than maxLength (80)",
                refusal(c -> ((ObjectNode) field(c, 0, 0).get("rules")).put("minLength", 90)));
        assertEquals(
                "test.json: services[0].fee.amount: must be an amount from 0 to 1000000 with at most 2 decimals, such as \"25.00\"",
                refusal(c -> ((ObjectNode) service(c, 0).get("fee")).put("amount", "25.001")));
    }

    @Test
    void aDependentListMustOfferSomethingForEveryParent() {
        assertEquals(
                "test.json: services[1].fields[1].list: list 'communities' has no entry whose parent is 'soufriere', "
                        + "so a citizen who picks it could not answer",
                refusal(c -> ((ObjectNode) ((ObjectNode) c.get("lists"))
                                .withArray("communities")
                                .get(1))
                        .put("parent", "castries")));
        assertEquals(
                "test.json: lists.districts[0].parent: 'castries' is not an entry of any other list",
                refusal(c -> ((ObjectNode) ((ObjectNode) c.get("lists"))
                                .withArray("districts")
                                .get(0))
                        .put("parent", "castries")));
    }

    @Test
    void conditionsOnListsAndTextsInUndeclaredLocalesAreChecked() {
        assertEquals(
                "test.json: services[1].fields[2].showIf.is: 'paris' is not an entry of list 'districts'",
                refusal(c -> field(c, 1, 2)
                        .putObject("showIf")
                        .put("field", "district")
                        .put("is", "paris")));
        assertEquals(
                "test.json: services[0].text.de: locale 'de' is not in the catalogue's locales",
                refusal(c ->
                        ((ObjectNode) service(c, 0).get("text")).putObject("de").put("bogus", 42)));
    }

    @Test
    void theWholeNumberRuleFitsOnlyNumbers() {
        assertEquals(
                "test.json: services[0].fields[0].rules.wholeNumber: applies only to number questions",
                refusal(c -> ((ObjectNode) field(c, 0, 0).get("rules")).put("wholeNumber", true)));
    }

    @Test
    void listsKeepTheirOrder() {
        assertEquals(
                List.of("districts", "communities"),
                List.copyOf(TestCatalogue.load().lists().keySet()));
    }

    @Test
    void invalidIdsAreRefused() {
        assertEquals(
                "test.json: services[0].id: 'Birth Certificate' is not a valid id: use 1 to 64 lower-case letters, digits, '-' or '_'",
                refusal(c -> service(c, 0).put("id", "Birth Certificate")));
    }

    @Test
    void deepNestingIsRefusedAtItsPath() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String json = new String(TestCatalogue.bytes(), StandardCharsets.UTF_8)
                .replaceFirst("\"format\": 1", "\"format\": 1, \"nested\": " + deep);
        String message = refusal(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(message.startsWith("test.json: nested"), message);
        assertTrue(message.endsWith("nested deeper than 24 levels"), message);
    }

    @Test
    void aFiftyMegabyteStringIsRefusedWithoutReadingItAll() {
        byte[] head =
                "{\"format\": 1, \"version\": 1, \"locales\": [\"en\"], \"categories\": [{\"id\": \"a\", \"icon\": \"x\", \"title\": {\"en\": \""
                        .getBytes(StandardCharsets.UTF_8);
        byte[] json = new byte[head.length + 50 * 1024 * 1024 + 4];
        System.arraycopy(head, 0, json, 0, head.length);
        java.util.Arrays.fill(json, head.length, json.length - 4, (byte) 'a');
        System.arraycopy("\"}}]".getBytes(StandardCharsets.UTF_8), 0, json, json.length - 4, 4);
        assertEquals("test.json: categories[0].title.en: text longer than 65536 characters", refusal(json));
    }

    @Test
    void invalidUtf8IsRefusedWithItsPath() {
        byte[] json =
                "{\"format\": 1, \"version\": 1, \"locales\": [\"en\"], \"categories\": [{\"id\": \"a\", \"icon\": \"x\", \"title\": {\"en\": \"Caf\u00ff\"}}]}"
                        .getBytes(StandardCharsets.ISO_8859_1);
        String message = refusal(json);
        assertTrue(message.startsWith("test.json: categories[0].title.en: invalid UTF-8 text"), message);
    }

    @Test
    void malformedDocumentsAreRefusedInOneLine() {
        assertContains("test.json: the document is empty", refusal(""));
        assertContains("test.json: not valid JSON", refusal("not json"));
        assertContains("unexpected content after the end", refusal("{\"format\": 1} {}"));
        assertContains("a property appears twice", refusal("{\"format\": 1, \"format\": 1}"));
        assertContains("the document ends too early", refusal("{\"format\": 1, \"version\": "));
        assertEquals("test.json: must be an object, not a list", refusal("[]"));
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected '" + expected + "' in: " + actual);
    }

    private static String refusal(String json) {
        return refusal(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        JsonInputException e = assertThrows(
                JsonInputException.class, () -> CatalogueReader.strict().read(dir.resolve("nope.json")));
        assertEquals("nope.json: no such file", e.getMessage());
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalogue.json");
        Files.write(file, TestCatalogue.bytes());
        assertEquals(7, CatalogueReader.strict().read(file).version());
    }

    @Test
    void noRefusalEverShowsAStackTraceOrExceptionName() {
        String[] messages = {
            refusal(c -> c.put("format", 2)),
            refusal(c -> c.remove("services")),
            refusal(c -> c.putArray("locales")),
            refusal(c -> ((ArrayNode) c.get("locales")).add("EN")),
        };
        for (String m : messages) {
            assertFalse(m.contains("Exception") || m.contains("\tat ") || m.contains("\n"), m);
        }
    }

    private static ObjectNode service(ObjectNode catalogue, int index) {
        return (ObjectNode) catalogue.withArray("services").get(index);
    }

    private static ObjectNode field(ObjectNode catalogue, int service, int field) {
        return (ObjectNode) service(catalogue, service).withArray("fields").get(field);
    }

    private static String refusal(Consumer<ObjectNode> breakIt) {
        ObjectNode tree = TestCatalogue.tree();
        breakIt.accept(tree);
        try {
            return refusal(Json.wire().writeValueAsBytes(tree));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(byte[] json) {
        JsonInputException e = assertThrows(
                JsonInputException.class,
                () -> CatalogueReader.strict().read(new ByteArrayInputStream(json), "test.json"));
        return e.getMessage();
    }
}
