package org.accesscentre.portal.ingest;

import java.util.List;
import org.accesscentre.core.wire.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * What checking one item decided, before it is stored: accepted for an agency, or rejected with reasons.
 *
 * @param reason a sentence for the ICT office when rejected; null when accepted
 */
record Decision(
        CheckedItem item,
        boolean accepted,
        @Nullable String agencyId,
        @Nullable String reason,
        List<FieldProblem> problems) {

    static Decision accept(CheckedItem item, String agencyId) {
        return new Decision(item, true, agencyId, null, List.of());
    }

    static Decision reject(CheckedItem item, String reason) {
        return new Decision(item, false, null, reason, List.of());
    }

    static Decision reject(CheckedItem item, String reason, List<FieldProblem> problems) {
        return new Decision(item, false, null, reason, problems);
    }
}
