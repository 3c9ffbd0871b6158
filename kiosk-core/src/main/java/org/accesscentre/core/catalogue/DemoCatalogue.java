package org.accesscentre.core.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.accesscentre.core.json.JsonInputException;

/**
 * The built-in catalogue: what a kiosk offers until the ICT office publishes a signed catalogue of its own,
 * and the catalogue of {@code ./kiosk demo}. It describes common services of Saint Lucia's government, in English
 * and French, and uses every {@link FieldType}, so tests that walk it cover every kind of question.
 *
 * <p>The file is {@value #RESOURCE} on the class path. It is read with {@link CatalogueReader#strict()}: the
 * built-in catalogue must always be valid, so a mistake in it is a bug in this build, never a problem of the
 * device.
 */
public final class DemoCatalogue {
    /** The class-path resource, relative to this class. */
    public static final String RESOURCE = "demo-catalogue.json";

    private DemoCatalogue() {}

    /**
     * Reads the built-in catalogue strictly.
     *
     * @throws IllegalStateException if the built-in file is missing or invalid, which only a broken build causes
     */
    public static Catalogue load() {
        try (InputStream in = open()) {
            return CatalogueReader.strict().read(in, RESOURCE);
        } catch (JsonInputException e) {
            throw new IllegalStateException("the built-in catalogue is invalid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in catalogue could not be read", e);
        }
    }

    /**
     * Opens the built-in catalogue file, for callers that read or copy it themselves (such as a tool that
     * exports it as the starting point of the ICT office's own catalogue). The caller closes the stream.
     *
     * @throws IllegalStateException if the resource is missing from the class path
     */
    public static InputStream open() {
        InputStream in = DemoCatalogue.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the built-in catalogue " + RESOURCE + " is missing from the class path");
        }
        return in;
    }
}
