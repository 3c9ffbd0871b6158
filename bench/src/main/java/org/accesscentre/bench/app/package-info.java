/**
 * The kiosk app under {@code ./kiosk bench app-start}: the app started through its own entry point, and
 * citizens' sessions driven through the view models of the pages on screen, one pulse at a time.
 */
@NullMarked
package org.accesscentre.bench.app;

import org.jspecify.annotations.NullMarked;
