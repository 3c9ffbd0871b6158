package org.accesscentre.bench.sim;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.accesscentre.core.store.SyncCounts;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigReader;
import org.accesscentre.device.portal.Connection;
import org.accesscentre.device.portal.PortalClient;
import org.accesscentre.device.portal.Provisioning;
import org.accesscentre.testing.link.LinkEmulator;
import org.accesscentre.testing.link.LinkProfile;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sim fleet}: M kiosks, each with the real store and the real sync daemon, submit N requests each and
 * drain them to a running portal. Each kiosk's configuration, identity and store live under the state
 * directory: a run that is killed and started again carries on, submitting only what is missing.
 */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        description = {
            "Runs M simulated kiosks against a portal until each has submitted N requests and the portal has"
                    + " acknowledged them all; exits 0 then.",
            "Kiosks are enrolled on first use with codes made through the admin API (the token needs the"
                    + " ict_admin role). Start it again with the same --state to resume."
        })
final class SimFleet implements Callable<Integer> {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration LOOK_EVERY = Duration.ofMillis(250);

    @Spec
    CommandSpec spec = CommandSpec.create();

    @Option(names = "--portal", required = true, paramLabel = "URL", description = "The portal.")
    String portal;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "An ict_admin API token (default: $KIOSK_TOKEN).",
            defaultValue = "${env:KIOSK_TOKEN}")
    @Nullable
    String token;

    @Option(names = "--devices", required = true, paramLabel = "M", description = "How many kiosks, 1 to 500.")
    int devices;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Requests per kiosk, 0 to 1,000,000.")
    int count;

    @Option(names = "--state", required = true, paramLabel = "DIR", description = "Where the kiosks live.")
    Path state;

    @Option(
            names = "--link",
            paramLabel = "PRESET",
            description = "Send through an emulated link: 3g-poor, 3g or 4g (default: straight to the portal).")
    @Nullable
    String link;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Give up after this long (default PT1H).")
    Duration timeout = Duration.ofHours(1);

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the answers (default 1).")
    long seed = 1;

    @Option(names = "--insecure", description = "Allow http:// to a portal on another machine.")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || devices > 500 || count < 0 || count > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--devices is 1 to 500 and --count 0 to 1,000,000");
        }
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(), "give --token or set KIOSK_TOKEN");
        }
        URI portalUri;
        try {
            portalUri = Connection.portalUri(portal, insecure);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--portal: " + e.getMessage());
        }
        Optional<LinkProfile> profile = link == null ? Optional.empty() : LinkProfile.preset(link);
        if (link != null && profile.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--link is one of 3g-poor, 3g, 4g");
        }
        PrintWriter err = spec.commandLine().getErr();
        PortalClient admin = PortalClient.connect(new Connection(portalUri, token));
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        LinkEmulator emulator = null;
        List<SimKiosk> kiosks = new ArrayList<>();
        ExecutorService submitters = Executors.newFixedThreadPool(Math.min(devices, 4));
        try {
            URI kioskUri = portalUri;
            if (profile.isPresent()) {
                int port = portalUri.getPort() > 0
                        ? portalUri.getPort()
                        : portalUri.getScheme().equals("https") ? 443 : 80;
                emulator = LinkEmulator.start(portalUri.getHost(), port, profile.get());
                kioskUri = URI.create(emulator.url());
            }
            for (int i = 0; i < devices; i++) {
                DeviceConfig config = configFor(admin, portalUri, i).withPortalUrl(kioskUri);
                kiosks.add(SimKiosk.open(config, clock, seed));
            }
            for (SimKiosk k : kiosks) {
                k.startDaemon(clock);
            }
            List<Future<Integer>> submitted = new ArrayList<>();
            Instant deadline = started.plus(timeout);
            for (SimKiosk k : kiosks) {
                submitted.add(submitters.submit(() -> {
                    while (!k.enrolled()) {
                        if (clock.instant().isAfter(deadline)) {
                            throw new IllegalStateException(
                                    k.name + " did not enrol: " + k.problem().orElse("?"));
                        }
                        Thread.sleep(LOOK_EVERY.toMillis());
                    }
                    return k.submitUpTo(count);
                }));
            }
            return watch(kiosks, submitted, clock, started, deadline, err);
        } finally {
            submitters.shutdownNow();
            for (SimKiosk k : kiosks) {
                k.close();
            }
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private int watch(
            List<SimKiosk> kiosks,
            List<Future<Integer>> submitted,
            Clock clock,
            Instant started,
            Instant deadline,
            PrintWriter err)
            throws Exception {
        Instant nextProgress = started.plus(PROGRESS_EVERY);
        long expected = (long) devices * count;
        while (true) {
            SyncCounts total = new SyncCounts(0, 0, 0, 0);
            for (SimKiosk k : kiosks) {
                SyncCounts c = k.counts();
                total = new SyncCounts(
                        total.queued() + c.queued(),
                        total.inFlight() + c.inFlight(),
                        total.acknowledged() + c.acknowledged(),
                        total.rejected() + c.rejected());
            }
            boolean allSubmitted = submitted.stream().allMatch(Future::isDone);
            for (Future<Integer> f : submitted) {
                if (f.isDone()) {
                    f.get(); // a failed submitter ends the run with its reason
                }
            }
            Instant now = clock.instant();
            double seconds = Duration.between(started, now).toMillis() / 1000.0;
            if (allSubmitted && total.total() >= expected && total.unsent() == 0) {
                err.printf(
                        "%d kiosks: %d submitted, %d acknowledged, %d rejected in %.1f s%n",
                        devices, total.total(), total.acknowledged(), total.rejected(), seconds);
                err.flush();
                spec.commandLine()
                        .getOut()
                        .printf(
                                "RESULT sim-fleet devices=%d count=%d acknowledged=%d rejected=%d seconds=%.1f%n",
                                devices, count, total.acknowledged(), total.rejected(), seconds);
                return total.rejected() == 0 ? 0 : 1;
            }
            if (now.isAfter(deadline)) {
                err.printf("gave up after %s: %s%n", timeout, total);
                for (SimKiosk k : kiosks) {
                    k.problem().ifPresent(p -> err.printf("  %s: %s%n", k.name, p));
                }
                err.flush();
                return 1;
            }
            if (!now.isBefore(nextProgress)) {
                err.printf(
                        "%.0f s: %d of %d submitted, %d acknowledged, %d waiting, %d rejected%n",
                        seconds, total.total(), expected, total.acknowledged(), total.unsent(), total.rejected());
                err.flush();
                nextProgress = now.plus(PROGRESS_EVERY);
            }
            Thread.sleep(LOOK_EVERY.toMillis());
        }
    }

    /** The kiosk's configuration, made (with a fresh enrolment code) the first time only. */
    private DeviceConfig configFor(PortalClient admin, URI portalUri, int index) throws Exception {
        int block = index / 99;
        String centre = "S" + (char) ('A' + block / 26) + (char) ('A' + block % 26);
        int kiosk = index % 99 + 1;
        Path dir = state.resolve(centre + "-" + kiosk);
        Path file = dir.resolve(DeviceConfigReader.FILE_NAME);
        if (!Files.exists(file)) {
            Provisioning.newKiosk(
                            admin,
                            centre,
                            kiosk,
                            portalUri,
                            List.of("en", "fr"),
                            ZoneId.of("America/St_Lucia"),
                            dir.resolve("data").toAbsolutePath(),
                            null)
                    .write(file);
        }
        return DeviceConfigReader.lenient().read(file);
    }
}
