/**
 * Ingest: a device's batch of sealed submissions, each stored exactly once under its transaction id and
 * answered accepted, duplicate, conflict or rejected. See {@code docs/api.md} for the rules a kiosk relies on.
 */
@NullMarked
package org.accesscentre.portal.ingest;

import org.jspecify.annotations.NullMarked;
