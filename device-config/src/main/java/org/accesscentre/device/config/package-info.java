/**
 * A kiosk's configuration: which centre and kiosk it is, the portal it talks to and the keys it trusts, its
 * languages, time zone, idle and session timing, opening hours, attendants and hardware. Read from
 * {@code config.json} by {@link org.accesscentre.device.config.DeviceConfigReader}, whose javadoc shows the
 * JSON layout; the ICT office publishes it in a signed config bundle.
 */
@NullMarked
package org.accesscentre.device.config;

import org.jspecify.annotations.NullMarked;
