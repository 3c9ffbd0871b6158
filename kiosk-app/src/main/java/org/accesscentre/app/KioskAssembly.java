package org.accesscentre.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.accesscentre.app.catalogue.CatalogueSource;
import org.accesscentre.app.desk.Desk;
import org.accesscentre.app.desk.DeskSettings;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.flow.KioskContext;
import org.accesscentre.app.flow.ShellViewModel;
import org.accesscentre.app.receipt.PngReceiptPrinter;
import org.accesscentre.app.view.ShellView;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.DeviceConfig;
import org.jspecify.annotations.Nullable;

/**
 * The kiosk app put together from its configuration: the store it shares with the sync daemon, the
 * catalogue in force, the receipt printer, one background thread for sealing and saving, and the view
 * models, citizen's and attendant's. The view is made on the FX thread when first asked for.
 */
public final class KioskAssembly implements AutoCloseable {
    private final DeviceConfig config;
    private final SqliteStore store;
    private final ExecutorService background;
    private final ShellViewModel shell;
    private final DeskViewModel desk;
    private @Nullable ShellView view;

    private KioskAssembly(
            DeviceConfig config,
            SqliteStore store,
            ExecutorService background,
            ShellViewModel shell,
            DeskViewModel desk) {
        this.config = config;
        this.store = store;
        this.background = background;
        this.shell = shell;
        this.desk = desk;
    }

    public static KioskAssembly open(DeviceConfig config) throws StoreException {
        SqliteStore store = SqliteStore.open(
                SqliteStore.fileIn(config.dataDir()), StoreOptions.DEFAULTS.withMaxBytes(config.storeMaxBytes()));
        ExecutorService background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kiosk-background");
            t.setDaemon(true);
            return t;
        });
        try {
            CatalogueSource catalogues = CatalogueSource.open(
                    store, config.trustedSigningKeys(), config.dataDir().resolve("catalogue"));
            KioskContext ctx = new KioskContext(
                    java.time.Clock.systemUTC(),
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
                    new PngReceiptPrinter(config.dataDir().resolve("receipts")));
            ShellViewModel shell = new ShellViewModel(ctx);
            Desk desk = new Desk(
                    ctx,
                    store.journal(),
                    new DeskSettings(config.attendants(), config.session(), config.openingHours()),
                    shell);
            return new KioskAssembly(
                    config, store, background, shell, new DeskViewModel(desk, shell, config.dataDir()));
        } catch (StoreException | RuntimeException e) {
            background.shutdownNow();
            store.close();
            throw e;
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

    /** The shell's view; on the FX thread. */
    public ShellView view() {
        if (view == null) {
            view = new ShellView(shell, desk);
        }
        return view;
    }

    @Override
    public void close() throws StoreException {
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
