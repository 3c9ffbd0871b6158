/**
 * Rollouts: a catalogue, configuration or release bundle offered to the fleet in waves, with a success threshold
 * to move on and an error threshold that halts it. A release reaches devices only through a rollout, and one
 * that takes devices back to an older release carries the ICT office's signed rollback order. State lives in
 * the database only, so a restarted portal resumes.
 */
@NullMarked
package org.accesscentre.portal.rollouts;

import org.jspecify.annotations.NullMarked;
