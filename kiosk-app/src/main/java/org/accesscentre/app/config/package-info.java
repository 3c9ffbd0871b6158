/**
 * The device configuration in force on the kiosk: the file given with {@code --config}, or the newest one
 * the ICT office pushed in a signed bundle and the app applied between sessions; the one before is kept to
 * fall back on at start.
 */
@NullMarked
package org.accesscentre.app.config;

import org.jspecify.annotations.NullMarked;
