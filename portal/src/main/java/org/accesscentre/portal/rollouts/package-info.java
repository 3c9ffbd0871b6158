/**
 * Rollouts: a catalogue or configuration bundle offered to the fleet in waves, with a success threshold to move
 * on and an error threshold that halts it. State lives in the database only, so a restarted portal resumes.
 */
@NullMarked
package org.accesscentre.portal.rollouts;

import org.jspecify.annotations.NullMarked;
