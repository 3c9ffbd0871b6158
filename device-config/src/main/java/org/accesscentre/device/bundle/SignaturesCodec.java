package org.accesscentre.device.bundle;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;
import org.accesscentre.device.signing.Ed25519;

/**
 * {@code signatures.json}, both ways: {@code {"signatures":[{"keyId":"<16 hex>","algorithm":"Ed25519",
 * "signature":"<base64>"}]}}.
 *
 * <p>Unlike the manifest, this file is not signed, so its bytes are written here by hand in one canonical
 * form, and a verifier insists on exactly that form. Otherwise a variant (extra spaces, a base64 spelling
 * with different padding bits) would pass as the same bundle while being different bytes.
 */
final class SignaturesCodec {
    static final String SOURCE = BundlePaths.SIGNATURES;

    private SignaturesCodec() {}

    static byte[] write(List<BundleSignature> signatures) {
        StringBuilder sb = new StringBuilder("{\"signatures\":[");
        for (int i = 0; i < signatures.size(); i++) {
            BundleSignature s = signatures.get(i);
            sb.append(i == 0 ? "\n" : ",\n")
                    .append("{\"keyId\":\"")
                    .append(s.keyId())
                    .append("\",\"algorithm\":\"")
                    .append(BundleSignature.ALGORITHM)
                    .append("\",\"signature\":\"")
                    .append(s.signature())
                    .append("\"}");
        }
        sb.append(signatures.isEmpty() ? "]}\n" : "\n]}\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<BundleSignature> read(byte[] bytes) throws JsonInputException {
        Node root =
                Node.root(Json.readTree(new ByteArrayInputStream(bytes), SOURCE, JsonLimits.MANIFEST), SOURCE, false);
        List<BundleSignature> signatures = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (Node n : root.elements("signatures", BundleLimits.MAX_SIGNATURES)) {
            Node keyIdNode = n.required("keyId");
            String keyId = keyIdNode.asText();
            if (!BundleSignature.KEY_ID.matcher(keyId).matches()) {
                throw keyIdNode.error("must be 16 lower-case hex digits");
            }
            if (!keyIds.add(keyId)) {
                throw keyIdNode.error("key " + keyId + " has signed twice");
            }
            Node algorithm = n.required("algorithm");
            if (!algorithm.asText().equals(BundleSignature.ALGORITHM)) {
                throw algorithm.error(
                        "must be " + BundleSignature.ALGORITHM + ", not '" + Node.clip(algorithm.asText()) + "'");
            }
            Node signature = n.required("signature");
            if (BundleSignature.decodedLength(signature.asText()) != Ed25519.SIGNATURE_BYTES) {
                throw signature.error("must be a 64-byte Ed25519 signature in base64");
            }
            // Re-encoded, so a variant spelling of the same bytes fails the canonical comparison later.
            signatures.add(BundleSignature.of(keyId, Base64.getDecoder().decode(signature.asText())));
        }
        return signatures;
    }
}
