package org.accesscentre.sync.release;

import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.bundle.BundleVerifier;
import org.accesscentre.testing.ChildJvm;

/**
 * The installer in a child JVM, for {@link InstallerKillTest}: prints each point it reaches and, at the
 * chosen one, prints {@code paused <point>} and waits there to be killed.
 *
 * <p>Arguments: {@code install ROOT PUBKEY URL SIZE SHA256 VERSION PAUSE}, or {@code restarted ROOT PUBKEY
 * PAUSE}, which is what a restarted daemon does: recover, then check health.
 */
public final class InstallerChild {
    private InstallerChild() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path root = Path.of(args[1]);
        String pause = args[args.length - 1];
        InstallProgress progress = ChildJvm.pausingAt(pause)::accept;
        ReleaseInstaller installer = new ReleaseInstaller(
                new ReleaseSlots(root, progress),
                new BundleVerifier(List.of(Keys.readPublic(Path.of(args[2]), Keys.ED25519))),
                new ResumableDownload(new OkHttpClient(), Releases.MAX_BYTES),
                () -> System.out.println("restart requested"),
                progress);
        if (mode.equals("install")) {
            ReleaseOffer offer =
                    ReleaseOffer.of(Long.parseLong(args[6]), HttpUrl.get(args[3]), Long.parseLong(args[4]), args[5]);
            installer.install(offer, Releases.DEVICE);
        } else {
            ReleaseInstaller.Recovery recovery = installer.recover();
            if (recovery.next() == ReleaseInstaller.Next.HEALTH_CHECK) {
                progress.at("health.checking");
                installer.commit();
            }
        }
        System.out.println("done");
    }
}
