package org.accesscentre.sync.jobs;

import java.util.ArrayList;
import java.util.List;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StatusUpdate;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.StatusChange;
import org.accesscentre.core.wire.StatusFeed;
import org.accesscentre.sync.net.PortalException;

/**
 * Pulls the portal's status changes for this kiosk's requests into the store, with the feed's cursor in the
 * same transaction, page after page until the portal says there is no more.
 */
public final class StatusPull {
    static final int PAGE = 200;

    @FunctionalInterface
    public interface Fetcher {
        StatusFeed page(String cursor, int limit) throws PortalException;
    }

    private final LocalStore store;

    public StatusPull(LocalStore store) {
        this.store = store;
    }

    /** Returns how many changes were recorded. */
    public int run(Fetcher fetcher) throws StoreException, PortalException {
        int recorded = 0;
        String cursor = store.statusCursor().orElse("");
        for (int page = 0; page < 1000; page++) {
            StatusFeed feed = fetcher.page(cursor, PAGE);
            List<StatusUpdate> updates = new ArrayList<>(feed.changes().size());
            for (StatusChange c : feed.changes()) {
                if (c == null
                        || c.transactionId() == null
                        || c.reference() == null
                        || c.status() == null
                        || c.at() == null) {
                    continue; // a malformed change is skipped; the cursor still moves past it
                }
                updates.add(new StatusUpdate(
                        c.transactionId(),
                        c.reference(),
                        c.status(),
                        c.caseNumber(),
                        c.message(),
                        c.at(),
                        c.version()));
            }
            store.recordStatuses(updates, feed.cursor());
            recorded += updates.size();
            if (!feed.more() || feed.cursor() == null || feed.cursor().equals(cursor)) {
                return recorded;
            }
            cursor = feed.cursor();
        }
        return recorded;
    }
}
