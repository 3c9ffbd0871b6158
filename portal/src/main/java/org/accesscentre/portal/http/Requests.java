package org.accesscentre.portal.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the portal's own routes (the device routes use the shared wire records). */
final class Requests {
    private Requests() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChallengeRequest(@Nullable String deviceId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewToken(
            @Nullable String name,
            @Nullable String role,
            @Nullable String agency,
            @Nullable Integer expiresInDays) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewEnrolmentCode(
            @Nullable String centre,
            @Nullable Integer kiosk,
            @Nullable Integer validDays) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Revoke(@Nullable String reason) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewCommand(@Nullable String type, @Nullable Map<String, String> args) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NewSigningKey(
            @Nullable String publicKey, @Nullable String label) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SetStatus(
            @Nullable String status,
            @Nullable String message,
            @Nullable String caseNumber) {}

    static <T> T required(@Nullable T value, String name) {
        if (value == null) {
            throw ApiException.badRequest("invalid_request", name + " is required");
        }
        return value;
    }

    static String text(@Nullable String value, String name, int max) {
        String v = required(value, name);
        if (v.isBlank() || v.length() > max) {
            throw ApiException.badRequest("invalid_request", name + " must be 1 to " + max + " characters");
        }
        return v;
    }
}
