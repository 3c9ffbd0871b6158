/**
 * Talking to the portal: one OkHttp client with explicit timeouts and no retries of its own (retries live in
 * the daemon's schedule, never in two layers), and one decision table that turns every response and every
 * failure into what to do next.
 */
@NullMarked
package org.accesscentre.sync.net;

import org.jspecify.annotations.NullMarked;
