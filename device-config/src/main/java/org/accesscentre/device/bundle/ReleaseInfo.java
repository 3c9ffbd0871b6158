package org.accesscentre.device.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;
import org.jspecify.annotations.Nullable;

/**
 * {@code release.json}, the one file of a release bundle that says what the release needs: its version
 * (the bundle's own), the lowest catalogue, configuration and local store schema versions it can run with,
 * and notes for people. It is covered by the manifest's SHA-256, so it is as signed as the manifest.
 *
 * <pre>{@code
 * {"format": 1, "version": 7, "minCatalogueVersion": 3, "minConfigVersion": 1, "minStoreVersion": 4,
 *  "notes": "Fee receipts show the agency's name."}
 * }</pre>
 *
 * @param minStoreVersion the oldest local store schema this release can open (it migrates forward from it)
 * @param notes release notes, several lines allowed, at most {@link #MAX_NOTES} characters
 */
public record ReleaseInfo(
        long version, long minCatalogueVersion, long minConfigVersion, long minStoreVersion, String notes) {
    public static final String FILE = "release.json";
    public static final int FORMAT = 1;
    public static final int MAX_NOTES = 4_000;

    /** A release.json is a few hundred bytes; anything near this is not one. */
    public static final int MAX_BYTES = 64 * 1024;

    private static final JsonLimits LIMITS = new JsonLimits(MAX_BYTES, 4, MAX_NOTES, 64, 20);
    private static final ObjectMapper MAPPER = Json.mapper(LIMITS);
    private static final Set<String> PROPERTIES =
            Set.of("format", "version", "minCatalogueVersion", "minConfigVersion", "minStoreVersion", "notes");

    public ReleaseInfo {
        if (version < 1) {
            throw new IllegalArgumentException("a release version is 1 or more, not " + version);
        }
        if (minCatalogueVersion < 0 || minConfigVersion < 0 || minStoreVersion < 0) {
            throw new IllegalArgumentException("minimum versions are 0 or more");
        }
        if (notesProblem(notes) != null) {
            throw new IllegalArgumentException("release notes " + notesProblem(notes));
        }
    }

    /**
     * Reads release.json. {@code strict} refuses properties this reader does not know, as kioskctl does when
     * it builds; a kiosk reads leniently, so a newer kioskctl can add a property without breaking older
     * kiosks (the file is signed, so nobody else can).
     */
    public static ReleaseInfo read(byte[] bytes, boolean strict) throws JsonInputException {
        if (bytes.length > MAX_BYTES) {
            throw new JsonInputException(FILE, "", "is " + bytes.length + " bytes; the limit is " + MAX_BYTES);
        }
        Node root = Node.root(Json.readTree(new ByteArrayInputStream(bytes), FILE, LIMITS), FILE, strict);
        root.allowOnly(PROPERTIES);
        long format = root.integer("format", 1, Integer.MAX_VALUE);
        if (format != FORMAT) {
            throw root.error("format", "this reader knows release format " + FORMAT + ", not " + format);
        }
        long version = root.integer("version", 1, Long.MAX_VALUE);
        long catalogue = root.integer("minCatalogueVersion", 0, Long.MAX_VALUE);
        long config = root.integer("minConfigVersion", 0, Long.MAX_VALUE);
        long store = root.integer("minStoreVersion", 0, Long.MAX_VALUE);
        Node notesNode = root.required("notes");
        String notes = notesNode.asText();
        String problem = notesProblem(notes);
        if (problem != null) {
            throw notesNode.error(problem);
        }
        return new ReleaseInfo(version, catalogue, config, store, notes);
    }

    /**
     * Why a device with these versions cannot run this release, or empty if it can. A kiosk installs the
     * catalogue or configuration a release needs first; the store's schema only ever moves forward.
     */
    public Optional<String> incompatibility(long catalogue, long config, long store) {
        if (catalogue < minCatalogueVersion) {
            return Optional.of("release " + version + " needs catalogue version " + minCatalogueVersion
                    + " or later; this kiosk has " + catalogue);
        }
        if (config < minConfigVersion) {
            return Optional.of("release " + version + " needs configuration version " + minConfigVersion
                    + " or later; this kiosk has " + config);
        }
        if (store < minStoreVersion) {
            return Optional.of("release " + version + " needs local store schema " + minStoreVersion
                    + " or later; this kiosk has " + store);
        }
        return Optional.empty();
    }

    public byte[] write() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", version);
        root.put("minCatalogueVersion", minCatalogueVersion);
        root.put("minConfigVersion", minConfigVersion);
        root.put("minStoreVersion", minStoreVersion);
        root.put("notes", notes);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(indenter);
        try {
            return (MAPPER.writer(printer).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write release.json", e);
        }
    }

    private static @Nullable String notesProblem(String notes) {
        if (notes.isBlank()) {
            return "must not be empty: say what changed";
        }
        if (notes.length() > MAX_NOTES) {
            return "are " + notes.length() + " characters long; the limit is " + MAX_NOTES;
        }
        if (notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            return "may hold line breaks but no other control characters";
        }
        return null;
    }
}
