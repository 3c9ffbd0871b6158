package org.accesscentre.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.Enrolment;
import org.accesscentre.core.state.SyncRequest;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.CommandResult;
import org.accesscentre.core.wire.Heartbeat;
import org.accesscentre.core.wire.HeartbeatReply;
import org.accesscentre.device.identity.DeviceIdentity;
import org.accesscentre.sync.jobs.BundleStager;
import org.accesscentre.sync.jobs.Commands;
import org.accesscentre.sync.jobs.Drain;
import org.accesscentre.sync.jobs.Heartbeater;
import org.accesscentre.sync.jobs.JournalSender;
import org.accesscentre.sync.jobs.StatusPull;
import org.accesscentre.sync.net.Backoff;
import org.accesscentre.sync.net.Failure;
import org.accesscentre.sync.net.PortalClient;
import org.accesscentre.sync.net.PortalException;
import org.accesscentre.sync.release.DeviceVersions;
import org.accesscentre.sync.release.ReleaseJob;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's jobs on one schedule and one injected clock: enrol once, then heartbeat at the portal's
 * interval, drain the outbox, send the journal, pull statuses, fetch announced bundles, purge old payloads. {@link #runDue}
 * does whatever is due and says when to come back; it never sleeps, so tests drive it with a test clock.
 * When the link fails, every job waits for the same retry time.
 */
public final class SyncEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    /** Without news of new submissions, the queue is looked at this often (retries come due). */
    private static final Duration DRAIN_RECHECK = Duration.ofSeconds(30);

    private static final Duration RETENTION_EVERY = Duration.ofHours(24);
    private static final Duration ENROL_REFUSED_WAIT = Duration.ofHours(1);

    private final LocalStore store;
    private final PortalClient client;
    private final DeviceIdentity identity;
    private final KioskTime time;
    private final LinkState link;
    private final Enroller enroller;
    private final Drain drain;
    private final JournalSender journal;
    private final StatusPull statuses;
    private final Heartbeater heartbeater;
    private final BundleStager bundles;
    private final Commands commands;
    private final Duration retention;
    private final ReleaseJob release;
    private Instant nextRelease = Instant.EPOCH;
    private @Nullable DeviceSession session;
    private Duration interval = DEFAULT_INTERVAL;
    private Instant nextHeartbeat = Instant.EPOCH;
    private Instant nextDrain = Instant.EPOCH;
    private Instant nextJournal = Instant.EPOCH;
    /** The app's last "sync now" this engine has served; a different one runs a whole round. */
    private @Nullable SyncRequest servedRequest;

    private Instant nextStatus = Instant.EPOCH;
    private Instant nextRetention = Instant.EPOCH;
    private Instant nextEnrol = Instant.EPOCH;
    /** Bundle kinds to fetch, each with the version the portal announced. */
    private final Map<String, Long> wantedBundles = new LinkedHashMap<>();

    private long clockOffsetMillis;

    public SyncEngine(
            LocalStore store,
            Journal journal,
            PortalClient client,
            DeviceIdentity identity,
            Optional<String> enrolmentCode,
            BundleStager bundles,
            Drain.BatchLimits batches,
            java.nio.file.Path dataDir,
            Duration retention,
            Clock clock,
            RandomGenerator random,
            ReleaseJob release) {
        this.store = store;
        this.client = client;
        this.identity = identity;
        this.time = new KioskTime(clock);
        this.link = new LinkState(store, new Backoff(random));
        this.enroller = new Enroller(store, client, identity, enrolmentCode);
        this.drain = new Drain(store, batches);
        this.journal = new JournalSender(journal);
        this.statuses = new StatusPull(store);
        this.heartbeater = new Heartbeater(store, dataDir);
        this.bundles = bundles;
        this.commands = new Commands(store, this::syncNow);
        this.retention = retention;
        this.release = release;
    }

    /** Makes every job due now: a sync-now command, or an attendant's button. */
    public synchronized void syncNow() {
        nextHeartbeat = Instant.EPOCH;
        nextDrain = Instant.EPOCH;
        nextJournal = Instant.EPOCH;
        nextStatus = Instant.EPOCH;
    }

    /** The app committed something (a submission, a journal entry, a sync-now request): send soon. */
    public synchronized void newSubmissions() {
        nextDrain = Instant.EPOCH;
        nextJournal = Instant.EPOCH;
    }

    public LinkState link() {
        return link;
    }

    public ReleaseJob release() {
        return release;
    }

    /** Does everything due now; returns when something is due next. */
    public synchronized Instant runDue() throws StoreException {
        Instant now = time.now();
        if (release.onTrial()) {
            // First, and with or without the portal: it hears "installed" only once the release passed its
            // health check. The check itself makes no call.
            try {
                nextRelease = release.run(now, DeviceVersions.of(store));
            } catch (java.io.IOException e) {
                throw new StoreException("the release health check failed: " + e.getMessage(), e);
            }
        }
        try {
            if (session == null && !startSession(now)) {
                return publish(now, nextEnrol);
            }
        } catch (PortalException e) {
            return publish(now, link.failed(e.failure(), now));
        }
        if (syncRequested()) {
            // Every job due: the round runs now, or when the link's backoff (and any Retry-After) allows.
            syncNow();
        }
        if (!link.mayCall(now)) {
            return publish(now, link.retryAt());
        }
        // Between jobs, a failed link (or a drain that found it down) stops the round.
        boolean go = now.isBefore(nextHeartbeat) || attempt(() -> heartbeat(now), t -> nextHeartbeat = t, now);
        go = go && link.mayCall(now) && (now.isBefore(nextDrain) || attempt(() -> drain(now), t -> nextDrain = t, now));
        go = go
                && link.mayCall(now)
                && (now.isBefore(nextJournal) || attempt(() -> sendJournal(now), t -> nextJournal = t, now));
        go = go
                && link.mayCall(now)
                && (now.isBefore(nextStatus) || attempt(() -> pullStatuses(now), t -> nextStatus = t, now));
        for (Map.Entry<String, Long> wanted : List.copyOf(wantedBundles.entrySet())) {
            String kind = wanted.getKey();
            go = go
                    && link.mayCall(now)
                    && attempt(() -> fetch(kind, wanted.getValue(), now), t -> wantedBundles.remove(kind), now);
        }
        if (go && release.busy() && !release.onTrial() && !now.isBefore(nextRelease)) {
            go = link.mayCall(now) && attempt(() -> nextRelease = runRelease(now), t -> nextRelease = t, now);
        }
        if (!now.isBefore(nextRetention)) {
            int purged = store.purgeSealed(now.minus(retention));
            if (purged > 0) {
                LOG.info("purged {} sealed payloads acknowledged more than {} days ago", purged, retention.toDays());
            }
            nextRetention = now.plus(RETENTION_EVERY);
        }
        if (!go || !link.mayCall(now)) {
            return publish(now, link.retryAt());
        }
        Instant next = min(nextHeartbeat, nextDrain, nextJournal, nextStatus, nextRetention);
        if (release.busy()) {
            next = min(next, nextRelease);
        }
        return publish(now, wantedBundles.isEmpty() ? next : now);
    }

    @FunctionalInterface
    private interface Job {
        void run() throws StoreException, PortalException;
    }

    /**
     * Runs one job. A failure of the link stops the round (every job waits for the same retry); any other
     * failure is that job's alone: it is recorded and the job waits one interval before trying again.
     */
    private boolean attempt(Job job, java.util.function.Consumer<Instant> postpone, Instant now) throws StoreException {
        try {
            job.run();
            return true;
        } catch (PortalException e) {
            link.failed(e.failure(), now);
            if (e.failure().linkDown() || e.failure().kind() == Failure.Kind.REVOKED) {
                return false;
            }
            link.error(e.failure().reason());
            postpone.accept(now.plus(interval));
            return true;
        }
    }

    private boolean startSession(Instant now) throws StoreException, PortalException {
        Optional<Enrolment> enrolment = enroller.current();
        if (enrolment.isEmpty()) {
            if (now.isBefore(nextEnrol)) {
                return false;
            }
            try {
                enrolment = enroller.enrol(now);
            } catch (PortalException e) {
                if (e.failure().kind() == Failure.Kind.REFUSED) {
                    link.error("enrolment refused: " + e.failure().reason() + "; ask the ICT office for a new code");
                    nextEnrol = now.plus(ENROL_REFUSED_WAIT);
                    return false;
                }
                throw e;
            }
            if (enrolment.isEmpty()) {
                link.error("this kiosk is not enrolled and its configuration has no enrolment code");
                nextEnrol = now.plus(ENROL_REFUSED_WAIT);
                return false;
            }
            LOG.info(
                    "enrolled as {} ({} kiosk {})",
                    enrolment.get().deviceId(),
                    enrolment.get().centre(),
                    enrolment.get().kiosk());
            link.succeeded(now);
        }
        DeviceSession s = new DeviceSession(client, identity, enrolment.get().deviceId(), time);
        session = s;
        release.tokens(s.asTokens(client));
        return true;
    }

    private void heartbeat(Instant now) throws StoreException, PortalException {
        List<CommandResult> results = commands.pending();
        Heartbeat beat = heartbeater.build(
                now, clockOffsetMillis, link.lastError(), results, release.release(), release.report());
        Instant sent = time.wall();
        HeartbeatReply reply = session().call(t -> client.heartbeat(t, beat));
        Instant received = time.wall();
        link.succeeded(now);
        commands.confirmed(results);
        if (reply.portalTime() != null) {
            Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
            clockOffsetMillis = Duration.between(reply.portalTime(), middle).toMillis();
        }
        interval = Duration.ofSeconds(Math.max(10, Math.min(3600, reply.nextPollSeconds())));
        nextHeartbeat = now.plus(interval);
        if (reply.statusCursor() != null) {
            // The portal says where the feed ends: pull now if it moved, or not until it says so.
            boolean moved = !reply.statusCursor().equals(store.statusCursor().orElse(null));
            nextStatus = moved ? now : now.plus(interval);
        }

        commands.run(reply.commands(), now);
        if (!commands.pending().isEmpty()) {
            nextHeartbeat = now; // confirm at once
        }
        release.offered(reply.release());
        if (reply.release() != null) {
            nextRelease = now;
        }
        if (bundles.wants("catalogue", reply.catalogueVersion())) {
            wantedBundles.put("catalogue", reply.catalogueVersion());
        }
        if (bundles.wants("config", reply.configVersion())) {
            wantedBundles.put("config", reply.configVersion());
        }
    }

    private void drain(Instant now) throws StoreException {
        Drain.Report report = drain.run(
                batch -> session().call(t -> client.send(t, batch)), now, failure -> link.failed(failure, now));
        if (report.failure() != null) {
            if (!report.failure().linkDown() && report.failure().kind() != Failure.Kind.REVOKED) {
                // The link works, but the portal would not take the batch (it refused even a fresh token):
                // wait an interval, as any other job's own failure does, rather than come straight back.
                link.error(report.failure().reason());
                nextDrain = now.plus(interval);
                return;
            }
            nextDrain = link.retryAt();
            return;
        }
        if (report.batches() > 0) {
            link.succeeded(now);
            LOG.info(
                    "sent {} batches: {} acknowledged, {} rejected, {} to retry",
                    report.batches(),
                    report.acknowledged(),
                    report.rejected(),
                    report.retried());
        }
        nextDrain = now.plus(DRAIN_RECHECK);
    }

    /** Whether the app asked for a round since the last one this engine served. */
    private boolean syncRequested() throws StoreException {
        Optional<SyncRequest> request = DeviceState.read(store, DeviceState.SYNC_REQUESTED);
        if (request.isEmpty() || request.get().equals(servedRequest)) {
            return false;
        }
        servedRequest = request.get();
        LOG.info("sync now, as {} asked", request.get().by());
        return true;
    }

    /** After the outbox: the journal's unsent entries, on the same rules for failure and waiting. */
    private void sendJournal(Instant now) throws StoreException, PortalException {
        int sent = journal.run(batch -> session().call(t -> client.events(t, batch)), now);
        if (sent > 0) {
            link.succeeded(now);
            LOG.info("sent {} journal entries", sent);
        }
        nextJournal = now.plus(DRAIN_RECHECK);
    }

    private void pullStatuses(Instant now) throws StoreException, PortalException {
        int recorded = statuses.run((cursor, limit) -> session().call(t -> client.statuses(t, cursor, limit)));
        link.succeeded(now);
        if (recorded > 0) {
            LOG.info("recorded {} status changes", recorded);
        }
        nextStatus = now.plus(interval);
    }

    private void fetch(String kind, long announced, Instant now) throws StoreException, PortalException {
        String refusal =
                bundles.fetch(kind, announced, (k, etag) -> session().call(t -> client.bundle(t, k, etag)), now);
        link.succeeded(now);
        wantedBundles.remove(kind);
        if (refusal != null) {
            link.error("refused a " + kind + " bundle: " + refusal);
            nextHeartbeat = now; // report the refusal at once
        }
    }

    /** The release job's step; a broken download is the link's failure, retried as every job's is. */
    private Instant runRelease(Instant now) throws StoreException, PortalException {
        try {
            return release.run(now, DeviceVersions.of(store));
        } catch (java.io.IOException e) {
            throw new PortalException(Failure.offline("release download: " + e.getMessage()), e);
        }
    }

    private DeviceSession session() {
        DeviceSession s = session;
        if (s == null) {
            throw new IllegalStateException("no session before enrolment");
        }
        return s;
    }

    private Instant publish(Instant now, Instant next) throws StoreException {
        link.publish(now, next);
        return next;
    }

    private static Instant min(Instant... values) {
        Instant m = values[0];
        for (Instant v : values) {
            if (v.isBefore(m)) {
                m = v;
            }
        }
        return m;
    }
}
