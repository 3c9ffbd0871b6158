package org.accesscentre.app;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.config.ConfigSource;
import org.accesscentre.app.config.ConfigStart;
import org.accesscentre.app.desk.ActivityReport;
import org.accesscentre.app.desk.ConfigUpdates;
import org.accesscentre.app.desk.Desk;
import org.accesscentre.app.desk.DeskSettings;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.device.KioskHardware;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.receipt.PngReceiptPrinter;
import org.accesscentre.app.receipt.ReceiptPrinter;
import org.accesscentre.app.receipt.escpos.EscPosEncoder;
import org.accesscentre.app.receipt.escpos.JSerialCommLink;
import org.accesscentre.app.receipt.escpos.SerialEscPosPrinter;
import org.accesscentre.app.view.ShellView;
import org.accesscentre.core.Release;
import org.accesscentre.core.state.AppStart;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.DeviceConfig;
import org.accesscentre.device.config.DeviceConfigs;
import org.accesscentre.device.config.Hardware;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk app put together from its configuration: the store it shares with the sync daemon, the
 * catalogue in force, the receipt printer, the hardware (help button, status light, buzzer), one background
 * thread for sealing and saving, and the view models, citizen's and attendant's. The view is made on the FX
 * thread when first asked for.
 */
public final class KioskAssembly implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskAssembly.class);
    /**
     * How often an idle kiosk looks for a staged configuration; it also looks each time it becomes idle. The
     * daemon stages at its heartbeat, a minute or more apart.
     */
    private static final Duration CONFIG_CHECK = Duration.ofSeconds(30);

    private final DeviceConfig config;
    private final SqliteStore store;
    private final ExecutorService background;
    private final ScheduledExecutorService devicesThread;
    private final ShellViewModel shell;
    private final DeskViewModel desk;
    private final KioskDevices devices;
    private @Nullable ShellView view;

    private KioskAssembly(
            DeviceConfig config,
            SqliteStore store,
            ExecutorService background,
            ScheduledExecutorService devicesThread,
            ShellViewModel shell,
            DeskViewModel desk,
            KioskDevices devices) {
        this.config = config;
        this.store = store;
        this.background = background;
        this.devicesThread = devicesThread;
        this.shell = shell;
        this.desk = desk;
        this.devices = devices;
    }

    /**
     * Puts the kiosk together from the configuration in force: the newest one the ICT office pushed and the app
     * applied, if it still reads and still names this kiosk, else the one before it, else {@code fromFile}
     * ({@link DeviceConfigs}). A pushed one the app cannot start with is refused and the one before it used.
     *
     * @param fromFile the file given with {@code --config}, as read
     */
    public static KioskAssembly open(DeviceConfig fromFile) throws StoreException {
        return ConfigStart.first(DeviceConfigs.resolve(fromFile), KioskAssembly::assemble)
                .value();
    }

    private static KioskAssembly assemble(DeviceConfigs.Resolution found) throws StoreException {
        DeviceConfig config = found.inForce().config();
        SqliteStore store = SqliteStore.open(
                SqliteStore.fileIn(config.dataDir()), StoreOptions.DEFAULTS.withMaxBytes(config.storeMaxBytes()));
        ExecutorService background = Executors.newSingleThreadExecutor(r -> daemon(r, "kiosk-background"));
        ScheduledExecutorService devicesThread =
                Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "kiosk-devices"));
        KioskDevices devices = null;
        try {
            Clock clock = Clock.systemUTC();
            CatalogueSource catalogues = CatalogueSource.open(
                    store, config.trustedSigningKeys(), config.dataDir().resolve("catalogue"));
            KioskContext ctx = new KioskContext(
                    clock,
                    config.timeZone(),
                    config.centre(),
                    config.kiosk(),
                    config.portal().envelopeKey(),
                    store,
                    catalogues,
                    config.locales(),
                    config.idle(),
                    background,
                    Platform::runLater,
                    printer(config));
            ShellViewModel shell = new ShellViewModel(ctx);
            Desk desk = new Desk(
                    ctx,
                    store.journal(),
                    new DeskSettings(config.attendants(), config.session(), config.openingHours()),
                    shell);
            DeskViewModel deskVm = new DeskViewModel(desk, shell, config.dataDir());
            ActivityReport.start(deskVm);
            devices = new KioskDevices(
                    KioskHardware.open(config.hardware(), clock, devicesThread),
                    store,
                    deskVm.printing(),
                    clock,
                    devicesThread);
            KioskDevices started = devices;
            devices.start(() -> Platform.runLater(deskVm::helpButtonPressed));
            desk.helpRequestedProperty().addListener((obs, was, is) -> {
                if (is) {
                    started.helpCalled();
                }
            });
            // Last, once the kiosk is built: only now is it sure that this configuration starts.
            ConfigUpdates updates =
                    ConfigUpdates.start(ConfigSource.open(store, found, clock.instant()), deskVm, catalogues);
            devicesThread.scheduleWithFixedDelay(
                    () -> Platform.runLater(updates::check),
                    CONFIG_CHECK.toSeconds(),
                    CONFIG_CHECK.toSeconds(),
                    TimeUnit.SECONDS);
            return new KioskAssembly(config, store, background, devicesThread, shell, deskVm, devices);
        } catch (StoreException | RuntimeException e) {
            if (devices != null) {
                devices.close();
            }
            background.shutdownNow();
            devicesThread.shutdownNow();
            store.close();
            throw e;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * The thermal printer on its serial port when the configuration names one; image files otherwise. A
     * configured printer that cannot be opened leaves the kiosk printing to the screen, and says so in the log.
     */
    private static ReceiptPrinter printer(DeviceConfig config) {
        PngReceiptPrinter screen = new PngReceiptPrinter(config.dataDir().resolve("receipts"));
        if (config.hardware().printer().isEmpty()) {
            return screen;
        }
        Hardware.Printer printer = config.hardware().printer().get();
        try {
            return new SerialEscPosPrinter(JSerialCommLink.open(printer), new EscPosEncoder());
        } catch (IOException e) {
            LOG.error(
                    "cannot open the receipt printer on {}: {}; receipts go to the screen",
                    printer.port(),
                    e.getMessage());
            return screen;
        }
    }

    /**
     * Tells the daemon the app is up, once its first frame shows: its health check after a release switch waits
     * for this word naming the new release. On the background executor, as every store write from the FX thread.
     */
    public void firstFrameShown() {
        Instant now = Clock.systemUTC().instant();
        AppStart start = new AppStart(Release.running(config.dataDir()), true, "", now);
        background.execute(() -> {
            try {
                DeviceState.write(store, AppStart.KEY, start, now);
            } catch (StoreException e) {
                LOG.warn("cannot tell the daemon the app started: {}", e.getMessage());
            }
        });
    }

    /**
     * The app could not start: the daemon hears why, so a release on trial is rolled back at once rather than
     * at its deadline. Opens the store on its own, since the failure may have come before the kiosk's did.
     */
    public static void startFailed(DeviceConfig config, Throwable problem) {
        Instant now = Clock.systemUTC().instant();
        String what = problem.getClass().getSimpleName() + ": " + problem.getMessage();
        try (SqliteStore store = SqliteStore.open(SqliteStore.fileIn(config.dataDir()), StoreOptions.DEFAULTS)) {
            DeviceState.write(
                    store,
                    AppStart.KEY,
                    new AppStart(
                            Release.running(config.dataDir()),
                            false,
                            what.substring(0, Math.min(500, what.length())),
                            now),
                    now);
        } catch (StoreException | RuntimeException e) {
            LOG.error("the app could not start ({}) nor say so in the store: {}", what, e.getMessage());
        }
    }

    public DeviceConfig config() {
        return config;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public DeskViewModel desk() {
        return desk;
    }

    KioskDevices devices() {
        return devices;
    }

    /** The shell's view; on the FX thread. */
    public ShellView view() {
        if (view == null) {
            view = new ShellView(shell, desk);
        }
        return view;
    }

    @Override
    public void close() throws StoreException {
        devices.close();
        devicesThread.shutdownNow();
        background.shutdown();
        try {
            // A request being saved is allowed to finish: its citizen was promised a receipt.
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }
}
