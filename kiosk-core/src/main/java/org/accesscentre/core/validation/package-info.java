/**
 * The one validation engine: it checks a single answer as it is typed on the kiosk, and a whole submission
 * at the end, on the kiosk and again on the portal. Results are message keys with arguments, so the kiosk
 * shows them in the citizen's language.
 */
@NullMarked
package org.accesscentre.core.validation;

import org.jspecify.annotations.NullMarked;
