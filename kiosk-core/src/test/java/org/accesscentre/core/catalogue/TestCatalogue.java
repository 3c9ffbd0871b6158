package org.accesscentre.core.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;

/** The small catalogue in test resources, which uses every field type and rule. */
public final class TestCatalogue {
    private TestCatalogue() {}

    public static byte[] bytes() {
        try (InputStream in = TestCatalogue.class.getResourceAsStream("/catalogue/test-catalogue.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalogue load() {
        try {
            return CatalogueReader.strict().read(new ByteArrayInputStream(bytes()), "test-catalogue.json");
        } catch (JsonInputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalogue as a mutable tree, for tests that break it on purpose. */
    public static ObjectNode tree() {
        try {
            return (ObjectNode) Json.wire().readTree(bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
