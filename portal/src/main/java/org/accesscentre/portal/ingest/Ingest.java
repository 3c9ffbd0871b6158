package org.accesscentre.portal.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.http.ApiException;
import org.accesscentre.portal.security.Principal;

/**
 * A device's batch: shape-checked as a whole (a malformed item refuses everything, with nothing written);
 * then items the portal already holds are answered from what it holds, new ones are opened and validated
 * outside any transaction, and all are stored and answered in one short transaction.
 */
public final class Ingest {
    public static final int MAX_ITEMS = 500;

    private final IngestStore store;
    private final ItemJudge judge;
    private final Clock clock;
    private final MeterRegistry metrics;

    public Ingest(
            Database db, CatalogueRegistry catalogues, Opener opener, Clock clock, ZoneId zone, MeterRegistry metrics) {
        this.store = new IngestStore(db, zone);
        this.judge = new ItemJudge(catalogues, opener, zone);
        this.clock = clock;
        this.metrics = metrics;
    }

    public IngestResult ingest(Principal.Device device, IngestBatch batch) throws SQLException {
        if (batch.items().isEmpty()) {
            throw ApiException.badRequest("empty_batch", "a batch needs at least one item");
        }
        if (batch.items().size() > MAX_ITEMS) {
            throw ApiException.tooLarge("a batch has at most " + MAX_ITEMS + " items, not "
                    + batch.items().size());
        }
        List<CheckedItem> items = new ArrayList<>(batch.items().size());
        for (int i = 0; i < batch.items().size(); i++) {
            if (batch.items().get(i) == null) {
                throw ApiException.badRequest("invalid_item", "items[" + i + "] is null");
            }
            items.add(CheckedItem.of(batch.items().get(i), i, device));
        }
        Set<UUID> ids = new LinkedHashSet<>();
        items.forEach(i -> ids.add(i.transactionId()));
        Map<UUID, IngestStore.Stored> known = store.existing(ids);
        Instant now = clock.instant();
        Map<UUID, Decision> decisions = new HashMap<>();
        // A batch's items nearly all name one catalogue version: each version is looked up once per batch.
        Map<Long, Optional<Catalogue>> catalogues = new HashMap<>();
        for (CheckedItem item : items) {
            if (!known.containsKey(item.transactionId()) && !decisions.containsKey(item.transactionId())) {
                decisions.put(item.transactionId(), judge.judge(item, device, now, catalogues));
            }
        }
        List<ItemResult> results = store.store(device, items, decisions, now);
        for (ItemResult r : results) {
            metrics.counter("portal_ingest_items", "outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT))
                    .increment();
        }
        return new IngestResult(results, now);
    }
}
