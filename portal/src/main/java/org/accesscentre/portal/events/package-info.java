/**
 * The kiosks' journals as the portal keeps them: events a device sends (attendants' actions, sessions, the
 * walk-in queue, help calls, cash taken for fees), each stored once under the id the kiosk made, and read by
 * the ICT office through the admin API and {@code kioskctl events}.
 */
@NullMarked
package org.accesscentre.portal.events;

import org.jspecify.annotations.NullMarked;
