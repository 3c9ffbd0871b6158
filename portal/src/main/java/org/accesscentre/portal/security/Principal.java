package org.accesscentre.portal.security;

import org.jspecify.annotations.Nullable;

/** Whoever a request was authenticated as. */
public sealed interface Principal {
    /** A short id for logs: a token id or a device id, never a secret. */
    String logId();

    /** A person, by the API token they used. */
    record Person(
            String tokenId,
            String name,
            Role role,
            @Nullable String agencyId) implements Principal {
        @Override
        public String logId() {
            return tokenId;
        }
    }

    /** An enrolled, unrevoked kiosk. */
    record Device(String deviceId, String centre, int kiosk) implements Principal {
        @Override
        public String logId() {
            return deviceId;
        }
    }
}
