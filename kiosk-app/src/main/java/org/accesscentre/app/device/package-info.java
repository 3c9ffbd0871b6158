/**
 * The kiosk's GPIO hardware: the help button, the status light and the buzzer, behind small interfaces, on
 * Pi4J's real providers on a Raspberry Pi and on its mock providers elsewhere (ADR 0010).
 */
@NullMarked
package org.accesscentre.app.device;

import org.jspecify.annotations.NullMarked;
