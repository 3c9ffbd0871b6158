package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A device's Ed25519 signature (base64) over a challenge's nonce, exchanged for a short-lived token. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenRequest(String deviceId, String challengeId, String signature) {}
