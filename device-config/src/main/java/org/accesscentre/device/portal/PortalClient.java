package org.accesscentre.device.portal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The portal's admin and agency routes, one method each. Answers are the portal's JSON as it sent it; the
 * caller picks the fields it shows. Ids put into a path are escaped, so no id can reach another route.
 */
public final class PortalClient {
    /** Every admin answer is a small query on the portal's database. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A bundle can be 256 MB; over a centre's slow uplink that takes minutes, not seconds. */
    static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(15);

    private final PortalHttp http;

    public PortalClient(HttpClient client, Connection connection) {
        this.http = new PortalHttp(client, connection);
    }

    /** A client on the process's shared HTTP client. */
    public static PortalClient connect(Connection connection) {
        return new PortalClient(PortalHttp.shared(), connection);
    }

    public URI portal() {
        return http.portal();
    }

    public JsonNode createEnrolmentCode(String centre, int kiosk, @Nullable Integer validDays) throws PortalException {
        return http.postJson(
                "/api/v1/admin/enrolment-codes",
                body("centre", centre, "kiosk", kiosk, "validDays", validDays),
                REQUEST_TIMEOUT);
    }

    public JsonNode devices() throws PortalException {
        return http.get("/api/v1/admin/devices", Map.of(), REQUEST_TIMEOUT);
    }

    /** {@code {device, commands}}. */
    public JsonNode device(String id) throws PortalException {
        return http.get("/api/v1/admin/devices/" + PortalHttp.segment(id), Map.of(), REQUEST_TIMEOUT);
    }

    /** {@code {deviceId, revoked, changed}}: changed is false if it was revoked already. */
    public JsonNode revokeDevice(String id, @Nullable String reason) throws PortalException {
        return http.postJson(
                "/api/v1/admin/devices/" + PortalHttp.segment(id) + "/revoke", body("reason", reason), REQUEST_TIMEOUT);
    }

    public JsonNode sendCommand(String deviceId, String type, Map<String, String> args) throws PortalException {
        return http.postJson(
                "/api/v1/admin/devices/" + PortalHttp.segment(deviceId) + "/commands",
                body("type", type, "args", args),
                REQUEST_TIMEOUT);
    }

    /** Sends the bundle file as it is; the portal verifies its signature against the keys it trusts. */
    public JsonNode publish(Path bundle, String target) throws PortalException, NoSuchFileException {
        HttpRequest.BodyPublisher file;
        try {
            if (!Files.isRegularFile(bundle)) {
                throw new FileNotFoundException();
            }
            file = HttpRequest.BodyPublishers.ofFile(bundle);
        } catch (FileNotFoundException e) {
            throw new NoSuchFileException(bundle.toString());
        }
        return http.post("/api/v1/admin/bundles", body("target", target), "application/zip", file, UPLOAD_TIMEOUT);
    }

    /** {@code {keyId, publicKey}}: the key every kiosk seals its requests to. */
    public JsonNode envelopeKey() throws PortalException {
        return http.get("/api/v1/admin/envelope-key", Map.of(), REQUEST_TIMEOUT);
    }

    public JsonNode signingKeys() throws PortalException {

        return http.get("/api/v1/admin/signing-keys", Map.of(), REQUEST_TIMEOUT);
    }

    /** @param publicKey base64 of the key's X.509 encoding */
    public JsonNode addSigningKey(String publicKey, @Nullable String label) throws PortalException {
        return http.postJson(
                "/api/v1/admin/signing-keys", body("publicKey", publicKey, "label", label), REQUEST_TIMEOUT);
    }

    /** {@code {token, info}}: the one time the token's full text exists. */
    public JsonNode createToken(String name, String role, @Nullable String agency, @Nullable Integer expiresInDays)
            throws PortalException {
        return http.postJson(
                "/api/v1/admin/tokens",
                body("name", name, "role", role, "agency", agency, "expiresInDays", expiresInDays),
                REQUEST_TIMEOUT);
    }

    public JsonNode tokens() throws PortalException {
        return http.get("/api/v1/admin/tokens", Map.of(), REQUEST_TIMEOUT);
    }

    public void revokeToken(String id) throws PortalException {
        http.delete("/api/v1/admin/tokens/" + PortalHttp.segment(id), REQUEST_TIMEOUT);
    }

    /** {@code {received, accepted, rejected, duplicates, conflicts}}. */
    public JsonNode transactionTotals() throws PortalException {
        return http.get("/api/v1/admin/stats/transactions", Map.of(), REQUEST_TIMEOUT);
    }

    /** Rows of day, centre, service, outcome and count; the portal's default is the last 30 days. */
    public JsonNode transactionsByDay(@Nullable LocalDate from, @Nullable LocalDate to) throws PortalException {
        return http.get("/api/v1/admin/stats/daily", body("from", from, "to", to), REQUEST_TIMEOUT);
    }

    /** The kiosks' journal events, newest first; null filters are left out. */
    public JsonNode events(
            @Nullable String device, @Nullable String kind, @Nullable Instant since, @Nullable Integer limit)
            throws PortalException {
        return http.get(
                "/api/v1/admin/events",
                body("device", device, "kind", kind, "since", since, "limit", limit),
                REQUEST_TIMEOUT);
    }

    /** Cases oldest first; {@code after} is the transaction id of the last case of the page before. */
    public JsonNode cases(
            @Nullable String status, @Nullable String agency, @Nullable String after, @Nullable Integer limit)
            throws PortalException {
        return http.get(
                "/api/v1/agency/cases",
                body("status", status, "agency", agency, "after", after, "limit", limit),
                REQUEST_TIMEOUT);
    }

    /** {@code {summary, locale, statusMessage, answers}}. */
    public JsonNode caseDetail(String idOrReference) throws PortalException {
        return http.get("/api/v1/agency/cases/" + PortalHttp.segment(idOrReference), Map.of(), REQUEST_TIMEOUT);
    }

    /** {@code {status, version}}. */
    public JsonNode setCaseStatus(
            String idOrReference, String status, @Nullable String message, @Nullable String caseNumber)
            throws PortalException {
        return http.postJson(
                "/api/v1/agency/cases/" + PortalHttp.segment(idOrReference) + "/status",
                body("status", status, "message", message, "caseNumber", caseNumber),
                REQUEST_TIMEOUT);
    }

    public JsonNode rollouts() throws PortalException {
        return http.get("/api/v1/admin/rollouts", Map.of(), REQUEST_TIMEOUT);
    }

    public JsonNode rollout(String id) throws PortalException {
        return http.get("/api/v1/admin/rollouts/" + PortalHttp.segment(id), Map.of(), REQUEST_TIMEOUT);
    }

    /** {@code {bundleId, target, waves, overdueAfterMinutes, rollbackOrder}}, as the portal documents it. */
    public JsonNode createRollout(Map<String, @Nullable Object> request) throws PortalException {
        return http.postJson("/api/v1/admin/rollouts", request, REQUEST_TIMEOUT);
    }

    /** pause, resume or abort; resume may name a newer bundle to switch to. */
    public JsonNode rolloutAction(String id, String action, @Nullable Long bundleId) throws PortalException {
        return rolloutAction(id, action, bundleId, null);
    }

    /** As above, with the signed rollback order (SignedOrder JSON) a newer release bundle needs, if any. */
    public JsonNode rolloutAction(String id, String action, @Nullable Long bundleId, @Nullable Object rollbackOrder)
            throws PortalException {
        return http.postJson(
                "/api/v1/admin/rollouts/" + PortalHttp.segment(id) + "/" + action,
                body("bundleId", bundleId, "rollbackOrder", rollbackOrder),
                REQUEST_TIMEOUT);
    }

    /** Names and values in turn; a null value is left out, so the portal applies its default. */
    private static Map<String, @Nullable Object> body(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return out;
    }
}
