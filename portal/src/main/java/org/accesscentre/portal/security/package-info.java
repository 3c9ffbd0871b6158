/**
 * Who is calling: people with API tokens that carry a role (ICT admin, agency officer for one agency,
 * read-only), and devices with short-lived tokens won by signing a one-time challenge with their Ed25519
 * key. Secrets are stored only as SHA-256 hashes; expiry is decided by the portal's clock alone.
 */
@NullMarked
package org.accesscentre.portal.security;

import org.jspecify.annotations.NullMarked;
