package org.accesscentre.core.json;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Hard limits for one JSON document. Every reader in the system names its limits explicitly instead of
 * relying on Jackson's defaults, which allow 20 MB strings and 500 levels of nesting.
 *
 * @param maxDocumentBytes the whole document, in bytes of input
 * @param maxDepth nesting of objects and arrays
 * @param maxStringLength one string value, in characters
 * @param maxNameLength one property name, in characters
 * @param maxNumberLength one number literal, in characters
 */
public record JsonLimits(
        long maxDocumentBytes, int maxDepth, int maxStringLength, int maxNameLength, int maxNumberLength) {

    /** A signed catalogue: hundreds of services with texts in several locales and long community lists. */
    public static final JsonLimits CATALOGUE = new JsonLimits(16L << 20, 24, 64 * 1024, 128, 40);

    /** A device configuration file. */
    public static final JsonLimits DEVICE_CONFIG = new JsonLimits(1L << 20, 16, 16 * 1024, 128, 40);

    /** A bundle manifest or signature file. */
    public static final JsonLimits MANIFEST = new JsonLimits(4L << 20, 12, 16 * 1024, 128, 40);

    /** One wire request or response body, after decompression. */
    public static final JsonLimits WIRE = new JsonLimits(16L << 20, 24, 1 << 20, 128, 40);

    /** The plaintext of one sealed submission: answers, including signature strokes. */
    public static final JsonLimits SUBMISSION = new JsonLimits(1L << 20, 16, 64 * 1024, 128, 40);

    public JsonLimits {
        if (maxDocumentBytes <= 0
                || maxDepth <= 0
                || maxStringLength <= 0
                || maxNameLength <= 0
                || maxNumberLength <= 0) {
            throw new IllegalArgumentException("every JSON limit must be positive");
        }
    }

    StreamReadConstraints toConstraints() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(maxDocumentBytes)
                .maxNestingDepth(maxDepth)
                .maxStringLength(maxStringLength)
                .maxNameLength(maxNameLength)
                .maxNumberLength(maxNumberLength)
                .build();
    }
}
