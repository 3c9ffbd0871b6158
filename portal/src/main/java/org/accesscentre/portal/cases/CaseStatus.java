package org.accesscentre.portal.cases;

import java.util.Set;

/** The statuses an officer can set, as the kiosk shows them to citizens. */
public final class CaseStatus {
    public static final Set<String> ALL = Set.of(
            "received", "in_progress", "needs_information", "approved", "rejected", "ready_to_collect", "completed");

    private CaseStatus() {}
}
