package org.accesscentre.core.store;

/** How many submissions the store holds in each sync state: every receipt it ever gave, sent or not. */
public record SyncCounts(long queued, long inFlight, long acknowledged, long rejected) {
    public long total() {
        return queued + inFlight + acknowledged + rejected;
    }

    /** Not yet acknowledged or rejected: still to reach the portal. */
    public long unsent() {
        return queued + inFlight;
    }
}
