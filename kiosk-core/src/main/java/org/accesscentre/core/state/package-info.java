/**
 * State the sync daemon and the kiosk app share through the local store, beyond submissions: the
 * enrolment, the sync status attendants see, a lock, bundles staged for the app to apply. Each is a small
 * JSON record under a fixed key, written whole in one transaction.
 */
@NullMarked
package org.accesscentre.core.state;

import org.jspecify.annotations.NullMarked;
