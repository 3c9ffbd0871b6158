/** A rural link in user space: delay, bandwidth, faults and byte counts between a kiosk and the portal. */
@NullMarked
package org.accesscentre.testing.link;

import org.jspecify.annotations.NullMarked;
