package org.accesscentre.device.bundle;

import org.accesscentre.core.json.JsonLimits;

/**
 * Hard limits on a bundle, checked before anything is read into memory or written to disk. They bound what
 * a hostile or broken bundle can cost a Pi with a small SD card.
 */
public final class BundleLimits {
    /** Enough for a release with all its libraries; a catalogue has one file. */
    public static final int MAX_FILES = 10_000;

    /** All files together. A release is tens of megabytes; this leaves room without filling an SD card. */
    public static final long MAX_TOTAL_BYTES = 512L << 20;

    public static final int MAX_PATH_LENGTH = 200;

    /** Room for a rotation (old and new key) several times over. */
    public static final int MAX_SIGNATURES = 16;

    public static final long MAX_MANIFEST_BYTES = JsonLimits.MANIFEST.maxDocumentBytes();
    public static final long MAX_SIGNATURES_BYTES = 64 * 1024;
    public static final int MAX_LABEL_LENGTH = 200;

    static final int MAX_ENTRIES = MAX_FILES + 2;
    static final int MAX_ENTRY_NAME = BundlePaths.FILES_PREFIX.length() + MAX_PATH_LENGTH;

    /** Every entry's headers with the longest name, plus all content. */
    static final long MAX_ARCHIVE_BYTES = MAX_TOTAL_BYTES
            + MAX_MANIFEST_BYTES
            + MAX_SIGNATURES_BYTES
            + (long) MAX_ENTRIES * (ZipLayout.LOCAL_HEADER + ZipLayout.CENTRAL_HEADER + 2L * MAX_ENTRY_NAME)
            + ZipLayout.END_RECORD;

    /** A central directory of foreign origin may carry extra fields; this is generous and still bounded. */
    static final int MAX_CENTRAL_DIRECTORY_BYTES = 16 << 20;

    private BundleLimits() {}
}
