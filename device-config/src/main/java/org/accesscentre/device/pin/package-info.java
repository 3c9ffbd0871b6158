/**
 * Attendant PINs as they are kept in a device's configuration: salted PBKDF2-HMAC-SHA256 hashes, checked in
 * constant time. Counting failed attempts and locking out belongs to the kiosk app, not here.
 */
@NullMarked
package org.accesscentre.device.pin;

import org.jspecify.annotations.NullMarked;
