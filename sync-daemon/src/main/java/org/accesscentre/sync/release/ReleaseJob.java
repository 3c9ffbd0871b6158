package org.accesscentre.sync.release;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.accesscentre.core.Release;
import org.accesscentre.core.state.AppActivity;
import org.accesscentre.core.state.AppStart;
import org.accesscentre.core.state.BundleRefusal;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.wire.BundleRefused;
import org.accesscentre.core.wire.ReleaseOffered;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.RollbackOrder;
import org.accesscentre.sync.release.InstallJournal.Step;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's release job: takes the release a rollout offers, downloads it a piece at a time between the
 * other jobs, installs it once the kiosk is idle, and after the restart checks health (the app shows its
 * first frame of the new release within the deadline) before it commits, or rolls back and says so. What the
 * device refuses or rolls back is kept in the store, and the heartbeat reports it.
 */
public final class ReleaseJob {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseJob.class);
    static final String KIND = "release";
    private static final String ORDER = "rollback order";

    /**
     * @param healthDeadline how long the new release has to show its first frame
     * @param idleFor how long the kiosk must have been idle before an install restarts it
     * @param chunkBytes how much of a bundle one round downloads
     * @param recheck how often to look again while waiting for the kiosk to be idle
     */
    public record Settings(Duration healthDeadline, Duration idleFor, long chunkBytes, Duration recheck) {
        public static final Settings DEFAULTS =
                new Settings(Duration.ofMinutes(3), Duration.ofMinutes(2), 512 * 1024, Duration.ofSeconds(15));
    }

    /** The device's portal token, for the download; {@link #expired} when the portal said 401. */
    public interface Tokens {
        Headers headers() throws IOException;

        void expired();
    }

    private record Trial(long from, long to, Instant deadline) {}

    private final LocalStore store;
    private final ReleaseSlots slots;
    private final ReleaseInstaller installer;
    private final ResumableDownload download;
    private final List<PublicKey> trusted;
    private final Supervisor supervisor;
    private final Settings settings;
    private final HttpUrl url;
    private final InstallProgress progress;
    private long running;
    private @Nullable Trial trial;
    private @Nullable ReleaseOffered offer;
    private @Nullable Tokens tokens;
    /** An install asked for the restart that ends this process. */
    private boolean restarting;

    public ReleaseJob(
            LocalStore store,
            ReleaseSlots slots,
            ReleaseInstaller installer,
            ResumableDownload download,
            List<PublicKey> trusted,
            Supervisor supervisor,
            Settings settings,
            HttpUrl url,
            InstallProgress progress) {
        this.store = store;
        this.slots = slots;
        this.installer = installer;
        this.download = download;
        this.trusted = List.copyOf(trusted);
        this.supervisor = supervisor;
        this.settings = settings;
        this.url = url;
        this.progress = progress;
    }

    /**
     * When the daemon starts, before its first heartbeat: finishes or undoes an interrupted install (ADR 0012).
     * A release on trial starts its health check now; a rollback that recovery made is recorded and both
     * services restart to run the old release.
     */
    public void start(Instant now) throws IOException, StoreException {
        ReleaseInstaller.Recovery recovery = installer.recover();
        long current = slots.current();
        running = current > 0 ? current : Release.NUMBER;
        Optional<InstallJournal> j = recovery.journal();
        switch (recovery.next()) {
            case HEALTH_CHECK -> {
                InstallJournal on = j.orElseThrow();
                trial = new Trial(on.from(), on.to(), now.plus(settings.healthDeadline()));
                progress.at("health.checking");
                LOG.info(
                        "release {} is on trial: it has {} s to show its first frame",
                        on.to(),
                        settings.healthDeadline().toSeconds());
            }
            case RESTART -> {
                InstallJournal back = j.orElseThrow();
                refuse(back.to(), back.note(), true, now);
                supervisor.restartAll();
            }
            case NOTHING -> {}
        }
    }

    /**
     * For systemd's {@code OnFailure=} unit, run from the {@code previous} slot when the sync daemon of a new
     * release cannot start at all (so it never reaches its own health check): if a release is on trial, or was
     * switched to and not yet started, it is rolled back and the refusal kept for the heartbeat. Returns true
     * if it rolled back, and the caller restarts both services.
     */
    public boolean rescue(Instant now, String why) throws IOException, StoreException {
        start(now);
        Trial t = trial;
        if (t == null) {
            return false;
        }
        String reason = "release " + t.to() + " failed its health check: " + why;
        InstallJournal back = installer.rollback(reason);
        trial = null;
        if (back.step() != Step.ROLLED_BACK) {
            return false;
        }
        running = back.running();
        refuse(t.to(), reason, true, now);
        return true;
    }

    /** The release this kiosk runs for good: during a health check, the one it came from. */
    public long release() {
        Trial t = trial;
        return t != null ? (t.from() > 0 ? t.from() : t.to()) : running;
    }

    /** The release {@code current} names now, which a restart runs. */
    public long current() throws IOException {
        long c = slots.current();
        return c > 0 ? c : Release.NUMBER;
    }

    /** From each heartbeat reply: the release a rollout offers, or null. */
    public void offered(@Nullable ReleaseOffered offered) {
        this.offer = restarting ? null : offered;
    }

    /** Whether a release is on trial, waiting for its health check. */
    public boolean onTrial() {
        return trial != null;
    }

    /** Whether a round should call {@link #run}: a health check, or an offer not yet dealt with. */
    public boolean busy() {
        return !restarting && (trial != null || offer != null);
    }

    /**
     * Does the next step: the health check, or a piece of the download, or the install when idle. Returns
     * when to come back; {@link Instant#MAX} when there is nothing to do.
     *
     * @throws IOException if the link broke during the download (it resumes)
     */
    public Instant run(Instant now, DeviceVersions versions) throws IOException, StoreException {
        if (restarting) {
            return Instant.MAX;
        }
        if (trial != null) {
            return checkHealth(trial, now);
        }
        ReleaseOffered o = offer;
        if (o == null || o.version() == running || refusedAlready(o.version())) {
            offer = null;
            return Instant.MAX;
        }
        boolean rollback = false;
        if (o.version() < running) {
            Optional<String> problem = rollbackProblem(o);
            if (problem.isPresent()) {
                refuse(o.version(), problem.get(), false, now);
                offer = null;
                return Instant.MAX;
            }
            rollback = true;
        }
        ReleaseOffer release;
        try {
            release = new ReleaseOffer(o.version(), url, headers(), o.size(), o.sha256(), rollback);
        } catch (IllegalArgumentException e) {
            refuse(o.version(), "the offer is wrong: " + e.getMessage(), false, now);
            offer = null;
            return Instant.MAX;
        }
        Path part = slots.dir().resolve(ReleaseSlots.DOWNLOADS).resolve(o.version() + ".bundle.part");
        try {
            java.nio.file.Files.createDirectories(part.getParent());
            if (!fetch(release, part)) {
                progress.at("download.piece");
                return now; // the next piece, after whatever else is due
            }
            Optional<String> busy = busy(now);
            if (busy.isPresent()) {
                LOG.debug("release {} waits: {}", o.version(), busy.get());
                return now.plus(settings.recheck());
            }
            LOG.info("the kiosk is idle: installing release {} over release {}", o.version(), running);
            installer.install(release, versions);
            offer = null;
            restarting = true; // until the supervisor's restart ends this process, nothing more to do
            return Instant.MAX;
        } catch (ReleaseException e) {
            if (e.retryable()) {
                LOG.warn("release {}: {}", o.version(), e.getMessage());
                return now.plus(settings.recheck());
            }
            refuse(o.version(), e.getMessage(), false, now);
            offer = null;
            return Instant.MAX;
        }
    }

    private boolean fetch(ReleaseOffer release, Path part) throws IOException, ReleaseException {
        try {
            return download.fetchSome(release, part, settings.chunkBytes());
        } catch (ResumableDownload.Unauthorized e) {
            tokens().expired();
            throw e;
        }
    }

    private Instant checkHealth(Trial t, Instant now) throws IOException, StoreException {
        Optional<AppStart> start = DeviceState.read(store, AppStart.KEY).filter(s -> s.release() == t.to());
        if (start.isPresent() && start.get().ok()) {
            installer.commit();
            trial = null;
            running = t.to();
            LOG.info("release {} passed its health check and is committed", t.to());
            return Instant.MAX;
        }
        String reason;
        if (start.isPresent()) {
            reason = "release " + t.to() + " failed its health check: the app did not start ("
                    + start.get().problem() + ")";
        } else if (!now.isBefore(t.deadline())) {
            reason = "release " + t.to() + " failed its health check: the app showed no first frame within "
                    + settings.healthDeadline().toSeconds() + " s";
        } else {
            return t.deadline();
        }
        InstallJournal back = installer.rollback(reason);
        trial = null;
        if (back.step() == Step.ROLLED_BACK) {
            running = back.running(); // what runs for good, once the restart this asks for is done
            refuse(t.to(), reason, true, now);
            restarting = true;
            supervisor.restartAll();
        } else {
            // A first install has nothing to go back to: it stays, and the portal hears why.
            running = t.to();
            refuse(t.to(), back.note(), false, now);
        }
        return Instant.MAX;
    }

    /** Why the kiosk is not free to restart now, if it is not. */
    private Optional<String> busy(Instant now) throws StoreException {
        Optional<AppActivity> activity = DeviceState.read(store, AppActivity.KEY);
        if (activity.isEmpty()) {
            return Optional.empty(); // no app has said anything: none runs to be disturbed
        }
        AppActivity a = activity.get();
        if (!a.idle()) {
            return Optional.of("in use: " + a.what());
        }
        Instant free = a.since().plus(settings.idleFor());
        return now.isBefore(free) ? Optional.of("idle only since " + a.since()) : Optional.empty();
    }

    private Optional<String> rollbackProblem(ReleaseOffered o) {
        String older = "release " + o.version() + " is older than release " + running + ", which runs";
        if (o.rollback() == null) {
            return Optional.of(older + ", and no signed " + ORDER + " came with it");
        }
        try {
            RollbackOrder order = RollbackOrder.verify(o.rollback(), trusted);
            if (order.release() != o.version()) {
                return Optional.of(older + ", and the " + ORDER + " is for release " + order.release());
            }
            if (!order.appliesTo(running)) {
                return Optional.of(older + ", and the " + ORDER + " covers releases up to " + order.upTo() + " only");
            }
            LOG.info("a signed rollback order: {}", order.describe());
            return Optional.empty();
        } catch (BundleException e) {
            return Optional.of(older + ", and its " + ORDER + " is refused: " + e.getMessage());
        }
    }

    /**
     * Whether this version was refused before, for good: a refusal of the bundle itself is not tried again, but
     * one of an older release's rollback order is, since a new rollout may bring a good order for it.
     */
    private boolean refusedAlready(long version) throws StoreException {
        return DeviceState.read(store, DeviceState.refused(KIND))
                .filter(r -> r.version() == version && !r.reason().contains(ORDER))
                .isPresent();
    }

    private void refuse(long version, String reason, boolean rolledBack, Instant now) throws StoreException {
        LOG.warn("release {} {}: {}", version, rolledBack ? "rolled back" : "refused", reason);
        DeviceState.write(
                store, DeviceState.refused(KIND), new BundleRefusal(KIND, version, reason, now, rolledBack), now);
    }

    /** For the heartbeat: the last release refused or rolled back, unless it is the one running. */
    public Optional<BundleRefused> report() throws StoreException {
        return DeviceState.read(store, DeviceState.refused(KIND))
                .filter(r -> r.version() != release())
                .map(r -> new BundleRefused(
                        KIND,
                        r.version(),
                        r.reason().substring(0, Math.min(500, r.reason().length())),
                        r.rolledBack()));
    }

    private Headers headers() throws IOException {
        return tokens().headers();
    }

    /** Set by the engine once the device has a session. */
    public void tokens(Tokens t) {
        this.tokens = t;
    }

    private Tokens tokens() throws IOException {
        Tokens t = tokens;
        if (t == null) {
            throw new IOException("no session with the portal yet");
        }
        return t;
    }
}
