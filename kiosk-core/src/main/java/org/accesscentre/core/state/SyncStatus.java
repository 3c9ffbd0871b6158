package org.accesscentre.core.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the daemon last knew of the link, for the app's online indicator and the attendant's panel.
 *
 * @param reason why it is offline, in words ("no connection to the portal", "a login page is in the way")
 * @param lastContact the last successful exchange with the portal, by the kiosk's clock
 * @param lastError the last problem in words, or null
 * @param nextAttempt when the daemon will try again, or null when it is not waiting
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncStatus(
        boolean online,
        String reason,
        @Nullable Instant lastContact,
        @Nullable String lastError,
        @Nullable Instant nextAttempt,
        Instant updatedAt) {}
