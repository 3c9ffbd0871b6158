/**
 * The kiosk's local store: one SQLite file in WAL mode with {@code synchronous=FULL}, shared by kiosk-app
 * (which submits) and sync-daemon (which drains the outbox and records statuses). "Saved" means the commit
 * returned. See {@code docs/decisions/0003-local-store.md}.
 */
@NullMarked
package org.accesscentre.core.store;

import org.jspecify.annotations.NullMarked;
