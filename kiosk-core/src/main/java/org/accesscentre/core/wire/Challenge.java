package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A one-time challenge for a device to sign. It expires by the portal's clock only: the kiosk is told how
 * many seconds it has, never a time it would compare with its own clock.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Challenge(String challengeId, String nonce, long expiresInSeconds) {}
