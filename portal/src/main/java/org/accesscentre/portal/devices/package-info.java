/** Enrolling kiosks with one-time codes, listing and revoking them. */
@NullMarked
package org.accesscentre.portal.devices;

import org.jspecify.annotations.NullMarked;
