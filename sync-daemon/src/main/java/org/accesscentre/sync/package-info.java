/**
 * The sync daemon: one process next to kiosk-app that moves every queued request to the portal exactly
 * once, brings back statuses, signed catalogues and configuration, and commands, over links that are slow,
 * lossy, metered and often down. {@link org.accesscentre.sync.SyncEngine} holds the jobs;
 * {@code SyncDaemonMain} runs them.
 */
@NullMarked
package org.accesscentre.sync;

import org.jspecify.annotations.NullMarked;
