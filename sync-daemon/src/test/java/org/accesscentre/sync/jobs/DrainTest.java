package org.accesscentre.sync.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.accesscentre.core.reference.ReferenceNumber;
import org.accesscentre.core.store.NewSubmission;
import org.accesscentre.core.store.SyncState;
import org.accesscentre.core.wire.FieldProblem;
import org.accesscentre.core.wire.IngestBatch;
import org.accesscentre.core.wire.IngestItem;
import org.accesscentre.core.wire.IngestResult;
import org.accesscentre.core.wire.ItemResult;
import org.accesscentre.core.wire.Outcome;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.PortalException;
import org.accesscentre.testing.InMemoryStore;
import org.junit.jupiter.api.Test;

class DrainTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final Drain drain = new Drain(store);
    private final List<IngestBatch> sent = new ArrayList<>();
    private final Random random = new Random(3);

    private void submit(int n, int bytes) throws Exception {
        for (int i = 0; i < n; i++) {
            byte[] sealed = new byte[bytes];
            random.nextBytes(sealed);
            store.submit(new NewSubmission("SOU", 3, UUID.randomUUID(), "feedback", 1, 1, 0, null, NOW, sealed));
        }
    }

    private static Function<Failure, Instant> retryIn(Duration d) {
        return f -> NOW.plus(d);
    }

    private Drain.Sender answering(Function<IngestItem, Outcome> outcome) {
        return batch -> {
            sent.add(batch);
            List<ItemResult> results = batch.items().stream()
                    .map(i -> new ItemResult(
                            i.transactionId(),
                            outcome.apply(i),
                            outcome.apply(i) == Outcome.REJECTED ? "bad answers" : null,
                            outcome.apply(i) == Outcome.REJECTED
                                    ? List.of(new FieldProblem("name", "answer.required"))
                                    : List.of()))
                    .toList();
            return new IngestResult(results, NOW);
        };
    }

    private SyncState state(long seq) throws Exception {
        return store.lookup(new ReferenceNumber("SOU", 3, seq)).orElseThrow().syncState();
    }

    @Test
    void acceptedAndDuplicateAreAcknowledgedInBatchesOldestFirst() throws Exception {
        submit(10, 10_000);
        Drain.Report report = drain.run(
                answering(i -> i.sequence() % 2 == 0 ? Outcome.DUPLICATE : Outcome.ACCEPTED),
                NOW,
                retryIn(Duration.ZERO));
        assertEquals(10, report.acknowledged());
        assertNull(report.failure());
        assertTrue(sent.size() >= 2, "60 KB batches: 10 × 10 KB needs two");
        assertEquals(1, sent.getFirst().items().getFirst().sequence());
        assertEquals(0, store.stats(NOW).depth());
    }

    @Test
    void batchLimitsOfOneItemSendOneRequestPerSubmissionInOrder() throws Exception {
        submit(5, 200);
        Drain oneByOne = new Drain(store, Drain.BatchLimits.ONE_AT_A_TIME);
        Drain.Report report = oneByOne.run(answering(i -> Outcome.ACCEPTED), NOW, retryIn(Duration.ZERO));
        assertEquals(5, report.acknowledged());
        assertEquals(5, report.batches());
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L),
                sent.stream().map(b -> b.items().getFirst().sequence()).toList());
        assertTrue(sent.stream().allMatch(b -> b.items().size() == 1));
    }

    @Test
    void batchLimitsOutsideWhatABatchMayHoldAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Drain.BatchLimits(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new Drain.BatchLimits(Drain.MAX_ITEMS + 1, 1000));
        assertThrows(IllegalArgumentException.class, () -> new Drain.BatchLimits(10, 0));
    }

    @Test
    void conflictAndRejectedAreFinalWithTheirReasonsAndNeverSentAgain() throws Exception {
        submit(3, 100);
        drain.run(
                answering(i -> switch ((int) i.sequence()) {
                    case 1 -> Outcome.CONFLICT;
                    case 2 -> Outcome.REJECTED;
                    default -> Outcome.ACCEPTED;
                }),
                NOW,
                retryIn(Duration.ZERO));
        assertEquals(SyncState.REJECTED, state(1));
        assertEquals(SyncState.REJECTED, state(2));
        assertEquals(
                "rejected: bad answers (name: answer.required)",
                store.lookup(new ReferenceNumber("SOU", 3, 2)).orElseThrow().rejectedReason());
        assertEquals(SyncState.ACKNOWLEDGED, state(3));
        sent.clear();
        drain.run(answering(i -> Outcome.ACCEPTED), NOW.plusSeconds(3600), retryIn(Duration.ZERO));
        assertEquals(List.of(), sent);
    }

    @Test
    void nothingIsAcknowledgedWithoutTheAnswerAcceptedOrDuplicate() throws Exception {
        submit(4, 100);
        Drain.Sender partial = batch -> {
            sent.add(batch);
            IngestItem first = batch.items().getFirst();
            return new IngestResult(
                    List.of(
                            new ItemResult(first.transactionId(), Outcome.ACCEPTED, null, List.of()),
                            new ItemResult(batch.items().get(1).transactionId(), Outcome.UNKNOWN, null, List.of())),
                    NOW);
        };
        drain.run(partial, NOW, retryIn(Duration.ZERO));
        assertEquals(SyncState.ACKNOWLEDGED, state(1));
        for (long seq = 2; seq <= 4; seq++) {
            assertEquals(SyncState.QUEUED, state(seq), "no answer, or one we do not know, is not an acknowledgement");
        }
        sent.clear();
        drain.run(answering(i -> Outcome.ACCEPTED), NOW, retryIn(Duration.ZERO));
        assertEquals(List.of(), sent, "undecided items wait a while rather than spin");
        drain.run(answering(i -> Outcome.ACCEPTED), NOW.plus(Drain.UNDECIDED_WAIT), retryIn(Duration.ZERO));
        assertEquals(0, store.stats(NOW).depth());
    }

    @Test
    void aFailedExchangePutsTheWholeBatchBackUntilTheRetryTime() throws Exception {
        submit(5, 100);
        Drain.Report report = drain.run(
                batch -> {
                    throw new PortalException(Failure.offline("no connection to the portal"));
                },
                NOW,
                retryIn(Duration.ofSeconds(40)));
        assertEquals(5, report.retried());
        assertEquals(Failure.Kind.OFFLINE, report.failure().kind());
        assertEquals(List.of(), store.takeBatch(10, Long.MAX_VALUE, NOW.plusSeconds(39)));
        assertEquals(5, store.takeBatch(10, Long.MAX_VALUE, NOW.plusSeconds(40)).size());
    }

    @Test
    void aRefusedBatchIsSentOneByOneUntilTheItemThePortalRefusesIsFound() throws Exception {
        submit(4, 100);
        long bad = 3;
        Drain.Sender strict = batch -> {
            sent.add(batch);
            if (batch.items().stream().anyMatch(i -> i.sequence() == bad)) {
                throw new PortalException(new Failure(
                        Failure.Kind.REFUSED, "the portal refused it (400 invalid_item)", null, 400, "invalid_item"));
            }
            return answering(i -> Outcome.ACCEPTED).send(batch);
        };
        drain.run(strict, NOW, retryIn(Duration.ZERO));
        assertEquals(SyncState.REJECTED, state(bad));
        for (long seq : new long[] {1, 2, 4}) {
            assertEquals(SyncState.ACKNOWLEDGED, state(seq));
        }
        assertEquals(4, sent.getFirst().items().size(), "first the whole batch");
        assertTrue(sent.stream().skip(1).allMatch(b -> b.items().size() == 1), "then one at a time");
    }

    @Test
    void aTooLargeAnswerHalvesTheBatch() throws Exception {
        submit(8, 5_000);
        Drain.Sender small = batch -> {
            sent.add(batch);
            if (batch.items().size() > 2) {
                throw new PortalException(new Failure(Failure.Kind.TOO_LARGE, "too large", null, 413, "too_large"));
            }
            return answering(i -> Outcome.ACCEPTED).send(batch);
        };
        Drain.Report report = drain.run(small, NOW, retryIn(Duration.ZERO));
        assertEquals(8, report.acknowledged());
        assertTrue(sent.getLast().items().size() <= 2);
    }
}
