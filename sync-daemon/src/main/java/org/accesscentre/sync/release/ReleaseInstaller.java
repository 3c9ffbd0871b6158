package org.accesscentre.sync.release;

import static org.accesscentre.sync.release.InstallJournal.Step.ABORTED;
import static org.accesscentre.sync.release.InstallJournal.Step.COMMITTED;
import static org.accesscentre.sync.release.InstallJournal.Step.DOWNLOADING;
import static org.accesscentre.sync.release.InstallJournal.Step.HEALTH_CHECK;
import static org.accesscentre.sync.release.InstallJournal.Step.RESTART_REQUESTED;
import static org.accesscentre.sync.release.InstallJournal.Step.ROLLED_BACK;
import static org.accesscentre.sync.release.InstallJournal.Step.SWITCHING;
import static org.accesscentre.sync.release.InstallJournal.Step.UNPACKING;
import static org.accesscentre.sync.release.InstallJournal.Step.VERIFYING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.accesscentre.device.bundle.BundleException;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.device.bundle.ReleaseInfo;
import org.accesscentre.device.bundle.ReleaseLayout;
import org.accesscentre.device.bundle.VerifiedBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a release into a new slot and switches to it, journalling each step first ({@link InstallJournal}):
 *
 * <ol>
 *   <li>DOWNLOADING: fetch the bundle, resuming a partial download;
 *   <li>VERIFYING: signature, every hash, the layout, release.json, versions, compatibility;
 *   <li>UNPACKING: into {@code <version>.partial}, renamed to {@code <version>} when complete;
 *   <li>SWITCHING: {@code current} to the new slot in one rename, then {@code previous} to the old one;
 *   <li>RESTART_REQUESTED: the supervisor restarts both services from {@code current};
 *   <li>HEALTH_CHECK: set by {@link #recover()} in the restarted daemon; {@link #commit()} or {@link
 *       #rollback(String)} ends it.
 * </ol>
 *
 * <p>{@link #recover()} runs when the daemon starts. A crash before the switch undoes the install (the old
 * release runs, a partial download is kept to resume); a crash after it goes on to the health check; a crash
 * during the health check counts as a failed one and rolls back. A device runs the old release or the new one,
 * never a mix.
 */
public final class ReleaseInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(ReleaseInstaller.class);

    /** What the caller must do after {@link #recover()}. */
    public enum Next {
        /** Nothing: no install was under way, or the one under way was undone. */
        NOTHING,
        /** The new release is current and on trial: check health, then {@link #commit()} or {@link #rollback}. */
        HEALTH_CHECK,
        /** {@code current} went back to the previous release: restart both services to run it. */
        RESTART
    }

    /** The journal after recovery, and what to do next. */
    public record Recovery(Optional<InstallJournal> journal, Next next) {}

    private final ReleaseSlots slots;
    private final BundleVerifier verifier;
    private final ResumableDownload download;
    private final Supervisor supervisor;
    private final InstallProgress progress;

    public ReleaseInstaller(
            ReleaseSlots slots,
            BundleVerifier verifier,
            ResumableDownload download,
            Supervisor supervisor,
            InstallProgress progress) {
        this.slots = slots;
        this.verifier = verifier;
        this.download = download;
        this.supervisor = supervisor;
        this.progress = progress;
    }

    public Optional<InstallJournal> journal() throws IOException {
        return InstallJournal.read(slots.dir());
    }

    /**
     * Installs an offered release up to the restart request. Returns after the supervisor was asked to
     * restart; on a kiosk that restart ends this process, and the next one calls {@link #recover()}.
     *
     * @throws ReleaseException if refused (nothing changed: no new slot, {@code current} as it was, the
     *     journal ABORTED with the reason) or if the download broke (retryable; it resumes next time)
     */
    public InstallJournal install(ReleaseOffer offer, DeviceVersions versions) throws IOException, ReleaseException {
        Optional<InstallJournal> open = journal().filter(j -> !j.step().isFinal());
        if (open.isPresent()) {
            throw ReleaseException.retry("an install of release " + open.get().to() + " is at "
                    + open.get().step() + "; recover it first");
        }
        long running = slots.current();
        long to = offer.version();
        if (to == running) {
            throw ReleaseException.refused("release " + to + " is the one running");
        }
        if (to < running && !offer.signedRollback()) {
            throw ReleaseException.refused("release " + to + " is older than release " + running + ", which runs,"
                    + " and no signed rollback says to go back");
        }
        InstallJournal journal = new InstallJournal(DOWNLOADING, running, to, running, "");
        journal.write(slots.dir());
        progress.at("download.started");
        Path downloads = Files.createDirectories(slots.dir().resolve(ReleaseSlots.DOWNLOADS));
        Path part = downloads.resolve(to + ".bundle.part");
        Path bundle = downloads.resolve(to + ".bundle");
        try {
            boolean[] told = {false};
            download.fetch(offer, part, length -> {
                if (!told[0]) {
                    told[0] = true;
                    progress.at("download.midway");
                }
            });
            Files.move(part, bundle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            String note = "the download broke at " + have + " of " + offer.size() + " bytes (" + e.getMessage()
                    + "); it resumes next time";
            journal.end(ABORTED, running, note).write(slots.dir());
            throw ReleaseException.retry(note);
        } catch (ReleaseException e) {
            throw abort(journal, running, e);
        }

        journal = step(journal, VERIFYING, running, "verify.started");
        VerifiedBundle verified;
        try {
            verified = verify(bundle, offer, running, versions);
        } catch (ReleaseException e) {
            Files.deleteIfExists(bundle);
            throw abort(journal, running, e);
        }

        journal = step(journal, UNPACKING, running, "unpack.started");
        try {
            slots.unpack(verified, to);
        } catch (BundleException e) {
            slots.discard(to);
            throw abort(journal, running, ReleaseException.refused(e));
        }
        Files.deleteIfExists(bundle);

        journal = step(journal, SWITCHING, running, "switch.started");
        slots.switchCurrent(to);
        progress.at("switch.moved");
        slots.setPrevious(running);
        journal = step(journal, RESTART_REQUESTED, to, "restart.requested");
        LOG.info("release {} is current; restarting kiosk-app and sync-daemon to run it", to);
        supervisor.restartAll();
        return journal;
    }

    private VerifiedBundle verify(Path bundle, ReleaseOffer offer, long running, DeviceVersions versions)
            throws IOException, ReleaseException {
        try {
            VerifiedBundle verified = verifier.verify(bundle, offer.signedRollback() ? 1 : running);
            ReleaseInfo info = ReleaseLayout.check(verified);
            long signed = verified.manifest().version();
            if (signed != offer.version()) {
                throw ReleaseException.refused(
                        "the offer was for release " + offer.version() + " but the bundle is release " + signed);
            }
            Optional<String> problem =
                    info.incompatibility(versions.catalogue(), versions.config(), versions.storeSchema());
            if (problem.isPresent()) {
                throw ReleaseException.refused(problem.get());
            }
            return verified;
        } catch (BundleException e) {
            throw ReleaseException.refused(e);
        }
    }

    /**
     * Finishes or undoes whatever install a crash or a restart interrupted; call it when the daemon starts,
     * before anything else touches the release directory.
     */
    public Recovery recover() throws IOException {
        Optional<InstallJournal> found = journal();
        if (found.isEmpty() || found.get().step().isFinal()) {
            slots.cleanUp();
            return new Recovery(found, Next.NOTHING);
        }
        InstallJournal j = found.get();
        long current = slots.current();
        boolean switched = current == j.to();
        InstallJournal after;
        Next next;
        if (j.step() == HEALTH_CHECK && switched) {
            after = back(j, "the installer stopped during the health check of release " + j.to());
            next = after.step() == ROLLED_BACK ? Next.RESTART : Next.NOTHING;
        } else if (j.step() == HEALTH_CHECK) {
            // A rollback was under way and had switched back already: finish it.
            slots.setPrevious(0);
            after = j.end(ROLLED_BACK, current, "the installer stopped while rolling back release " + j.to());
            next = Next.RESTART;
        } else if (switched) {
            // SWITCHING after the rename, or RESTART_REQUESTED: this process already started from the new slot.
            slots.setPrevious(j.from());
            after = j.next(HEALTH_CHECK, j.to());
            next = Next.HEALTH_CHECK;
        } else {
            // Before the switch: current still names the old release, so undo what the install left.
            slots.discard(j.to());
            after = j.end(ABORTED, current, "the installer stopped at " + j.step() + "; release " + current + " runs");
            next = Next.NOTHING;
        }
        after.write(slots.dir());
        LOG.info(
                "release install of {} recovered from {}: now {}, running {}",
                j.to(),
                j.step(),
                after.step(),
                after.running());
        if (after.step().isFinal()) {
            slots.cleanUp();
        }
        return new Recovery(Optional.of(after), next);
    }

    /** The new release proved healthy: keep it, and remove slots older than the previous one. */
    public InstallJournal commit() throws IOException {
        InstallJournal j = onTrial();
        InstallJournal done = j.end(COMMITTED, j.to(), "release " + j.to() + " passed its health check");
        done.write(slots.dir());
        slots.cleanUp();
        LOG.info("release {} committed", j.to());
        return done;
    }

    /**
     * The new release failed its health check: {@code current} goes back to the previous slot. The caller
     * restarts both services and reports {@code reason} to the portal.
     */
    public InstallJournal rollback(String reason) throws IOException {
        InstallJournal done = back(onTrial(), reason);
        if (done.step().isFinal()) {
            slots.cleanUp();
        }
        return done;
    }

    private InstallJournal back(InstallJournal j, String reason) throws IOException {
        if (j.from() == 0 || !Files.isDirectory(slots.slot(j.from()))) {
            // A first install has nothing to go back to; it stays, and the report says so.
            InstallJournal kept = j.end(COMMITTED, j.to(), reason + "; no previous release to go back to");
            kept.write(slots.dir());
            return kept;
        }
        slots.switchCurrent(j.from());
        slots.setPrevious(0);
        InstallJournal done = j.end(ROLLED_BACK, j.from(), reason);
        done.write(slots.dir());
        LOG.warn("release {} rolled back to {}: {}", j.to(), j.from(), reason);
        return done;
    }

    private InstallJournal onTrial() throws IOException {
        InstallJournal j = journal().orElseThrow(() -> new IllegalStateException("no install is on trial"));
        if (j.step() != HEALTH_CHECK) {
            throw new IllegalStateException("no install is on trial: the journal is at " + j.step());
        }
        return j;
    }

    private InstallJournal step(InstallJournal j, InstallJournal.Step step, long running, String point)
            throws IOException {
        InstallJournal next = j.next(step, running);
        next.write(slots.dir());
        progress.at(point);
        return next;
    }

    private ReleaseException abort(InstallJournal j, long running, ReleaseException e) throws IOException {
        j.end(ABORTED, running, e.getMessage()).write(slots.dir());
        LOG.warn("release {} not installed: {}", j.to(), e.getMessage());
        return e;
    }
}
