/**
 * Cases, as agencies see them, and their statuses: officers list their agency's new requests, read the
 * answers (opened only then), and set a status and a message that reach the kiosk's feed and any lookup by
 * reference.
 */
@NullMarked
package org.accesscentre.portal.cases;

import org.jspecify.annotations.NullMarked;
