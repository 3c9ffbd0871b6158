package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The portal's answer for one item of a batch. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemResult(
        UUID transactionId, Outcome outcome, @Nullable String reason, List<FieldProblem> problems) {
    public ItemResult {
        outcome = outcome == null ? Outcome.UNKNOWN : outcome;
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
