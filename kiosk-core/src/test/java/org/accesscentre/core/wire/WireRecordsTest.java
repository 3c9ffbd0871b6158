package org.accesscentre.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonLimits;
import org.junit.jupiter.api.Test;

/** Every wire record must ignore unknown properties, so an older kiosk keeps working with a newer portal. */
class WireRecordsTest {

    private static List<Class<?>> wireRecords() {
        List<Class<?>> records = new java.util.ArrayList<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.accesscentre.core.wire")) {
            if (c.isRecord()) {
                records.add(c.reflect());
            }
        }
        assertTrue(records.size() >= 15, "found only " + records.size() + " wire records");
        return records;
    }

    @Test
    void everyWireRecordIsAnnotatedToIgnoreUnknownProperties() {
        for (Class<?> record : wireRecords()) {
            JsonIgnoreProperties ann = record.getAnnotation(JsonIgnoreProperties.class);
            assertNotNull(ann, record.getSimpleName() + " lacks @JsonIgnoreProperties");
            assertTrue(ann.ignoreUnknown(), record.getSimpleName() + " must ignore unknown properties");
        }
    }

    @Test
    void everyWireRecordReadsJsonFromANewerPortalEvenWithAStrictMapper() throws Exception {
        ObjectMapper strict =
                Json.mapper(JsonLimits.WIRE).copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (Class<?> record : wireRecords()) {
            Object read = strict.readValue("{\"addedInVersion9\": {\"nested\": [1, 2]}}", record);
            assertNotNull(read, record.getSimpleName());
        }
    }

    @Test
    void anOutcomeFromANewerPortalIsReadAsUnknownNotAsAnError() throws Exception {
        ItemResult r = Json.wire()
                .readValue(
                        "{\"transactionId\":\"7b0c3c9e-7f4a-4c53-9a5e-0d3f5d7e9a10\",\"outcome\":\"deferred\"}",
                        ItemResult.class);
        assertEquals(Outcome.UNKNOWN, r.outcome());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void outcomesAreWrittenInLowerCase() throws Exception {
        assertEquals("\"duplicate\"", Json.wire().writeValueAsString(Outcome.DUPLICATE));
        assertTrue(Outcome.DUPLICATE.stored() && Outcome.ACCEPTED.stored());
        assertTrue(Outcome.CONFLICT.finalRefusal() && Outcome.REJECTED.finalRefusal());
        assertTrue(!Outcome.UNKNOWN.stored() && !Outcome.UNKNOWN.finalRefusal());
    }
}
