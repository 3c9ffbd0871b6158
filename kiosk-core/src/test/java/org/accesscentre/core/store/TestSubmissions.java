package org.accesscentre.core.store;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Sealed-looking submissions of a given size, for store tests that do not need real sealing. */
final class TestSubmissions {
    private static final Random RANDOM = new Random(7);

    private TestSubmissions() {}

    static NewSubmission of(int sealedBytes, Instant at) {
        byte[] sealed = new byte[sealedBytes];
        RANDOM.nextBytes(sealed);
        return new NewSubmission("SOU", 3, UUID.randomUUID(), "birth-certificate", 3, 7, 2500, "XCD", at, sealed);
    }
}
