package org.accesscentre.device.config;

import java.net.URI;
import java.security.PublicKey;
import java.util.List;

/**
 * The portal a kiosk talks to.
 *
 * @param url https, or http for a loopback host in demos and tests
 * @param envelopeKey the X25519 key submissions are sealed to
 * @param pinSha256 base64 SHA-256 hashes of the portal certificate's SubjectPublicKeyInfo, the form OkHttp's
 *     {@code CertificatePinner} takes after {@code sha256/}; empty for no pinning
 */
public record Portal(URI url, PublicKey envelopeKey, List<String> pinSha256) {
    public Portal {
        pinSha256 = List.copyOf(pinSha256);
    }
}
