/**
 * The fleet: heartbeats and the commands that ride back on their replies, what the ICT office sees of each
 * device, devices listed and revoked, and the transaction figures per centre, service and day.
 */
@NullMarked
package org.accesscentre.portal.fleet;

import org.jspecify.annotations.NullMarked;
