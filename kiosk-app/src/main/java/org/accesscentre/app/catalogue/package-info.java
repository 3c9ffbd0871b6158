/** The catalogue in force on the kiosk, applied from signed bundles between sessions. */
@NullMarked
package org.accesscentre.app.catalogue;

import org.jspecify.annotations.NullMarked;
