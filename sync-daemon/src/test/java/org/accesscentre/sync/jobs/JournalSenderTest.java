package org.accesscentre.sync.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.core.wire.DeviceEvent;
import org.accesscentre.core.wire.EventBatchResult;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.PortalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal sender's decisions, against a real store and a scripted portal. */
class JournalSenderTest {
    private static final Instant T0 = Instant.parse("2026-11-22T14:00:00Z");

    @TempDir
    Path dir;

    private SqliteStore store;
    private Journal journal;
    private final List<Integer> batchSizes = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS);
        journal = store.journal();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    private List<Journal.Entry> append(int n) throws Exception {
        List<Journal.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(journal.append(
                    "help.requested", JsonNodeFactory.instance.objectNode().put("kiosk", i), T0));
        }
        return entries;
    }

    private static PortalException refused(int status, Failure.Kind kind) {
        return new PortalException(new Failure(kind, "refused in a test (" + status + ")", null, status, null));
    }

    @Test
    void anEntryThePortalRefusesAloneStaysUnsentAndTheOthersPass() throws Exception {
        List<Journal.Entry> entries = append(5);
        UUID bad = entries.get(2).id();
        JournalSender sender = new JournalSender(journal);
        int sent = sender.run(
                batch -> {
                    batchSizes.add(batch.events().size());
                    if (batch.events().stream().map(DeviceEvent::id).anyMatch(bad::equals)) {
                        throw refused(400, Failure.Kind.REFUSED);
                    }
                    return new EventBatchResult(batch.events().size(), 0);
                },
                T0);

        assertEquals(4, sent);
        assertEquals(
                List.of(bad), journal.unsent(10).stream().map(Journal.Entry::id).toList());
        assertEquals(List.of(5, 1, 1, 1, 1, 1), batchSizes, "the batch, then one at a time to find it");
        assertEquals(0, sender.run(batch -> new EventBatchResult(1, 0), T0), "skipped until the daemon restarts");
    }

    @Test
    void tooLargeHalvesTheBatchAndALinkFailureLeavesEverythingUnsent() throws Exception {
        append(8);
        JournalSender sender = new JournalSender(journal);
        int sent = sender.run(
                batch -> {
                    batchSizes.add(batch.events().size());
                    if (batch.events().size() > 3) {
                        throw refused(413, Failure.Kind.TOO_LARGE);
                    }
                    return new EventBatchResult(batch.events().size(), 0);
                },
                T0);
        assertEquals(8, sent);
        assertEquals(List.of(8, 4, 2, 2, 2, 2), batchSizes);

        append(3);
        assertThrows(
                PortalException.class,
                () -> sender.run(
                        batch -> {
                            throw new PortalException(Failure.offline("no connection to the portal"));
                        },
                        T0));
        assertEquals(3, journal.unsentCount());
        PortalException captive =
                assertThrows(PortalException.class, () -> sender.run(batch -> new EventBatchResult(1, 0), T0));
        assertEquals(Failure.Kind.CAPTIVE, captive.failure().kind(), "an answer for fewer events is not the portal's");
        assertTrue(journal.unsentCount() == 3);
    }
}
