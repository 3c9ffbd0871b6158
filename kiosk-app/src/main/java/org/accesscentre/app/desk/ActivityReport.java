package org.accesscentre.app.desk;

import java.time.Instant;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.core.state.AppActivity;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the daemon, through the store, whether the kiosk is in use: a citizen past the welcome screen, a
 * timed session, or attendant mode open. Written when it changes (each write is an fsync), on the background
 * executor; the daemon installs nothing that restarts the app while the kiosk is busy.
 */
public final class ActivityReport {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityReport.class);

    private final DeskViewModel desk;
    private String written = "?";

    private ActivityReport(DeskViewModel desk) {
        this.desk = desk;
    }

    /** Starts reporting: now, and on every change of screen, session or attendant mode. */
    public static ActivityReport start(DeskViewModel desk) {
        ActivityReport report = new ActivityReport(desk);
        desk.shell().screenProperty().addListener((obs, was, is) -> report.update());
        desk.desk().sessionProperty().addListener((obs, was, is) -> report.update());
        desk.modeProperty().addListener((obs, was, is) -> report.update());
        report.update();
        return report;
    }

    /** What keeps the kiosk busy now, or "" when it is idle. */
    String busyWith() {
        return busyWith(desk);
    }

    /** What keeps the kiosk busy now, or "" when it is idle: between sessions, nobody at it. */
    static String busyWith(DeskViewModel desk) {
        if (desk.modeProperty().get() != DeskViewModel.Mode.CLOSED) {
            return "attendant mode";
        }
        if (desk.desk().sessionProperty().get() != null) {
            return "a timed session";
        }
        return desk.shell().screen() instanceof Screen.Welcome ? "" : "a citizen's visit";
    }

    private void update() {
        String what = busyWith();
        if (what.equals(written)) {
            return;
        }
        written = what;
        var ctx = desk.desk().context();
        Instant now = ctx.clock().instant();
        AppActivity activity = new AppActivity(what.isEmpty(), what, now);
        ctx.background().execute(() -> {
            try {
                DeviceState.write(ctx.store(), AppActivity.KEY, activity, now);
            } catch (StoreException e) {
                LOG.warn("cannot record whether the kiosk is in use: {}", e.getMessage());
            }
        });
    }
}
