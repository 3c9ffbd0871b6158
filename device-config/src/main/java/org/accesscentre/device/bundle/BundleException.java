package org.accesscentre.device.bundle;

import java.io.Serial;

/**
 * A bundle was refused, or could not be built or signed. The message is one line a person can act on, such
 * as {@code refused: files/catalogue.json does not match its SHA-256 in the manifest}; {@link #reason()} lets
 * a program tell the cases apart (the sync daemon reports it to the portal).
 */
public final class BundleException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Why, in the order a verifier checks. */
    public enum Reason {
        /** Not a ZIP archive this reader accepts, over a limit, or an entry name that is not allowed. */
        UNREADABLE,
        /** No {@code manifest.json} or no {@code signatures.json}. */
        MISSING_ENTRY,
        INVALID_MANIFEST,
        INVALID_SIGNATURES,
        UNSIGNED,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        TOO_OLD,
        /** An entry the manifest does not list. */
        UNEXPECTED_FILE,
        /** A file the manifest lists is not in the archive. */
        MISSING_FILE,
        /** A file's size or SHA-256 differs from the manifest. */
        FILE_MISMATCH,
        /** Everything else checks out, but the bytes are not the canonical layout: something was altered. */
        NOT_CANONICAL,
        /** A valid bundle of another kind than the caller needs. */
        WRONG_KIND,
        /** A valid bundle this device cannot use: it needs a newer app, or its content does not fit. */
        INCOMPATIBLE,
        /** The files or options given to build or sign a bundle. */
        INVALID_INPUT
    }

    private final Reason reason;
    private final String detail;

    private BundleException(Reason reason, String prefix, String detail) {
        super(prefix + detail);
        this.reason = reason;
        this.detail = detail;
    }

    /** A refusal: the message is {@code refused: <detail>}. Devices use it for checks beyond the verifier's. */
    public static BundleException refused(Reason reason, String detail) {
        return new BundleException(reason, "refused: ", detail);
    }

    /** A problem building or signing, with the message {@code <action>: <detail>}. */
    static BundleException cannot(String action, Reason reason, String detail) {
        return new BundleException(reason, "cannot " + action + ": ", detail);
    }

    public Reason reason() {
        return reason;
    }

    /** The message without its {@code refused:} or {@code cannot ...:} prefix. */
    public String detail() {
        return detail;
    }
}
