/** The daemon's jobs: drain the outbox, pull statuses, heartbeat and commands, fetch and stage bundles. */
@NullMarked
package org.accesscentre.sync.jobs;

import org.jspecify.annotations.NullMarked;
