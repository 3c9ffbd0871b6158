/**
 * Keys as files and text: PEM files that openssl can read too, base64 public keys in configuration, and
 * short key ids. Private keys are written with mode 0600 through an atomic rename.
 */
@NullMarked
package org.accesscentre.core.keys;

import org.jspecify.annotations.NullMarked;
