package org.accesscentre.core.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A short-lived bearer token for a device, valid for {@code expiresInSeconds} by the portal's clock. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceToken(String token, long expiresInSeconds) {}
