package org.accesscentre.core.store;

/** Where a submission is on its way to the portal. */
public enum SyncState {
    /** Saved on the kiosk, waiting to be sent. */
    QUEUED,
    /** Being sent now; after a crash it goes back to {@link #QUEUED} and is sent again. */
    IN_FLIGHT,
    /** The portal has it (accepted, or answered "duplicate"). */
    ACKNOWLEDGED,
    /** The portal refused it for good, with a reason; it is never sent again. */
    REJECTED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static SyncState fromColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
