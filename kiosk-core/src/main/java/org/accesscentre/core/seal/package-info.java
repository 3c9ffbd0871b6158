/**
 * Envelope sealing: a submission's answers are sealed to the portal's X25519 public key with HKDF-SHA256
 * and AES-256-GCM, bound to the transaction id and the service, so the kiosk cannot read them back and a
 * stolen SD card holds nothing personal. See {@code docs/decisions/0004-sealing.md}.
 */
@NullMarked
package org.accesscentre.core.seal;

import org.jspecify.annotations.NullMarked;
