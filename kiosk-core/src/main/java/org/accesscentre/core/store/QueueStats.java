package org.accesscentre.core.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outbox at a glance, for the attendant's health panel and the heartbeat.
 *
 * @param depth submissions not yet accepted by the portal, in flight or not
 * @param inFlight of those, the ones being sent now
 * @param oldestUnsentAge how long the oldest of them has waited, by the kiosk's clock; null when empty
 * @param bytesWaiting their sealed size in total
 */
public record QueueStats(int depth, int inFlight, @Nullable Duration oldestUnsentAge, long bytesWaiting) {}
