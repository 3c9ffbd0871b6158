package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An order the ICT office signed offline with a bundle-signing key, passed through the portal unchanged, such
 * as a release rollback: the portal cannot forge one, and the device checks it against its trusted keys.
 *
 * @param order the order's JSON, base64
 * @param keyId the signing key's id ({@code Keys.keyId})
 * @param signature Ed25519 over the order's bytes, base64
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignedOrder(String order, String keyId, String signature) {}
