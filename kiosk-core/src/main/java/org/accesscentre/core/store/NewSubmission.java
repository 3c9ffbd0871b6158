package org.accesscentre.core.store;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sealed submission ready to be stored. Everything here but {@code sealed} is in clear by design: the
 * reference, the service, the times, the fee and the sync state are what the kiosk needs without being
 * able to read the answers.
 *
 * @param centre the centre code for the reference number
 * @param kiosk the kiosk number for the reference number
 * @param createdAt the kiosk's clock: shown on the receipt, never used for ordering
 */
public record NewSubmission(
        String centre,
        int kiosk,
        UUID transactionId,
        String serviceId,
        int serviceVersion,
        long catalogueVersion,
        long feeCents,
        @Nullable String currency,
        Instant createdAt,
        byte[] sealed) {

    public NewSubmission {
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }
}
