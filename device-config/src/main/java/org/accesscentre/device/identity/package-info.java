/**
 * The kiosk's own Ed25519 identity: made on first start, kept as {@code device.key} (mode 0600) and
 * {@code device.pub} in the kiosk's data directory, and used to sign what the kiosk sends to the portal. The
 * private key never leaves the device.
 */
@NullMarked
package org.accesscentre.device.identity;

import org.jspecify.annotations.NullMarked;
