package org.accesscentre.device.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.signing.Ed25519;

/**
 * The ICT office's signed order to take devices back to an older release: a device never installs a release
 * lower than the one it runs without one. It names the release to go back to and the newest release it
 * replaces, so it cannot be replayed later to pull a fleet back from a release shipped after it.
 *
 * <pre>{@code {"kind": "release-rollback", "release": 5, "upTo": 6, "reason": "6 loses receipts", "issuedAt": "2026-11-23T10:00:00Z"}}</pre>
 *
 * @param release the release to install
 * @param upTo devices running a release above {@code release} and at most this go back; newer ones stay
 */
public record RollbackOrder(long release, long upTo, String reason, Instant issuedAt) {
    public static final String KIND = "release-rollback";
    private static final JsonLimits LIMITS = new JsonLimits(4 * 1024, 3, 1024, 16, 20);
    private static final ObjectMapper MAPPER = Json.mapper(LIMITS);
    private static final int MAX_REASON = 500;

    public RollbackOrder {
        if (release < 1 || upTo <= release) {
            throw new IllegalArgumentException("a rollback goes back to release 1 or more, from a newer one: not "
                    + release + " from up to " + upTo);
        }
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("a rollback gives its reason, at most " + MAX_REASON + " characters");
        }
    }

    /** Whether a device running {@code running} goes back under this order. */
    public boolean appliesTo(long running) {
        return running > release && running <= upTo;
    }

    /** The order's canonical bytes, signed with an Ed25519 bundle-signing key. */
    public SignedOrder sign(PrivateKey key) throws KeyFormatException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", KIND);
        root.put("release", release);
        root.put("upTo", upTo);
        root.put("reason", reason);
        root.put("issuedAt", issuedAt.toString());
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a rollback order", e);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        return new SignedOrder(
                b64.encodeToString(bytes),
                Keys.keyId(Ed25519.publicKeyOf(key)),
                b64.encodeToString(Ed25519.sign(key, bytes)));
    }

    /**
     * Checks the signature against trusted keys, then reads the order.
     *
     * @throws BundleException UNKNOWN_KEY, BAD_SIGNATURE or INVALID_MANIFEST, with what is wrong
     */
    public static RollbackOrder verify(SignedOrder signed, List<PublicKey> trusted) throws BundleException {
        if (signed.order() == null || signed.keyId() == null || signed.signature() == null) {
            throw invalid("order, keyId and signature are all required");
        }
        if (signed.order().length() > 8 * 1024 || signed.signature().length() > 200) {
            throw invalid("the order or its signature is too long");
        }
        byte[] bytes;
        byte[] signature;
        try {
            bytes = Base64.getDecoder().decode(signed.order());
            signature = Base64.getDecoder().decode(signed.signature());
        } catch (IllegalArgumentException e) {
            throw invalid("the order or its signature is not base64");
        }
        PublicKey key = trusted.stream()
                .filter(k -> Keys.keyId(k).equals(signed.keyId()))
                .findFirst()
                .orElseThrow(() -> BundleException.refused(
                        BundleException.Reason.UNKNOWN_KEY,
                        "the rollback order is signed by unknown key " + Node.clip(signed.keyId())));
        if (!Ed25519.verify(key, bytes, signature)) {
            throw BundleException.refused(
                    BundleException.Reason.BAD_SIGNATURE,
                    "the rollback order's signature by key " + signed.keyId() + " is invalid");
        }
        return read(bytes);
    }

    private static RollbackOrder read(byte[] bytes) throws BundleException {
        try {
            Node root = Node.root(Json.readTree(new ByteArrayInputStream(bytes), "order", LIMITS), "order", true);
            root.allowOnly(Set.of("kind", "release", "upTo", "reason", "issuedAt"));
            if (!root.text("kind").equals(KIND)) {
                throw root.error("kind", "is not " + KIND);
            }
            long release = root.integer("release", 1, Long.MAX_VALUE);
            long upTo = root.integer("upTo", 1, Long.MAX_VALUE);
            String reason = root.required("reason").asText(MAX_REASON);
            Instant issued;
            try {
                issued = Instant.parse(root.text("issuedAt"));
            } catch (DateTimeParseException e) {
                throw root.error("issuedAt", "is not an instant such as 2026-11-23T10:00:00Z");
            }
            if (upTo <= release || reason.isBlank()) {
                throw root.error("upTo", "must be above release, and the reason given");
            }
            return new RollbackOrder(release, upTo, reason, issued);
        } catch (JsonInputException e) {
            throw invalid(e.getMessage());
        }
    }

    private static BundleException invalid(String detail) {
        return BundleException.refused(
                BundleException.Reason.INVALID_MANIFEST, "the rollback order cannot be read: " + detail);
    }

    /** For the log and the CLI. */
    public String describe() {
        return "back to release " + release + " from releases up to " + upTo + ": " + reason;
    }
}
