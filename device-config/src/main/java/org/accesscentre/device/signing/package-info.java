/**
 * Ed25519 signatures as the device module uses them: signing and checking bytes, and recovering the public
 * half of a private key, which the JDK has no direct call for.
 */
@NullMarked
package org.accesscentre.device.signing;

import org.jspecify.annotations.NullMarked;
