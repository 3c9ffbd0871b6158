package org.accesscentre.app.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.accesscentre.core.state.AppActivity;
import org.accesscentre.core.state.DeviceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the daemon reads before it restarts the app: whether anybody is using the kiosk. */
class ActivityReportTest {
    @TempDir
    Path dir;

    Desks d;
    DeskViewModel desk;

    @BeforeEach
    void open() throws Exception {
        d = new Desks(dir);
        desk = new DeskViewModel(d.desk, d.kiosk.shell, dir);
        ActivityReport.start(desk);
    }

    @AfterEach
    void close() throws Exception {
        d.close();
    }

    private AppActivity stored() throws Exception {
        return DeviceState.read(d.store, AppActivity.KEY).orElseThrow();
    }

    @Test
    void theKioskIsBusyWithACitizenATimedSessionOrAttendantModeAndIdleOtherwise() throws Exception {
        assertTrue(stored().idle(), "the welcome screen, nobody there");

        d.kiosk.shell.start();
        assertEquals("a citizen's visit", stored().what());
        d.kiosk.clock.advance(Duration.ofMinutes(3));
        d.kiosk.shell.finish();
        assertTrue(stored().idle());
        assertEquals(d.kiosk.clock.instant(), stored().since());

        desk.open();
        assertEquals("attendant mode", stored().what());
        d.signIn();
        d.desk.startSession(null);
        desk.close();
        assertEquals("a timed session", stored().what());
        assertFalse(stored().idle());
        d.desk.endSession();
        assertTrue(stored().idle());
    }

    @Test
    void theDaemonsRestartRequestIsFollowedOnlyWhileIdleAndOnlyOnce() throws Exception {
        int[] restarts = {0};
        d.desk.maintenance().onRestart(() -> restarts[0]++);
        d.kiosk.shell.start(); // a citizen is at the kiosk
        d.kiosk.clock.advance(Duration.ofSeconds(5));
        var now = d.kiosk.clock.instant();
        DeviceState.write(
                d.store,
                org.accesscentre.core.state.RestartRequest.KEY,
                new org.accesscentre.core.state.RestartRequest(6, "a release was switched", now),
                now);

        d.desk.refresh();
        assertEquals(0, restarts[0], "not in the middle of a citizen's visit");

        d.kiosk.shell.finish();
        d.desk.refresh();
        d.desk.refresh();
        assertEquals(1, restarts[0], "idle: restarted, once");
    }

    @Test
    void aRestartRequestFromBeforeTheAppStartedIsAlreadyServed() throws Exception {
        var before = d.kiosk.clock.instant().minusSeconds(60);
        DeviceState.write(
                d.store,
                org.accesscentre.core.state.RestartRequest.KEY,
                new org.accesscentre.core.state.RestartRequest(6, "a release was switched", before),
                before);
        int[] restarts = {0};
        d.desk.maintenance().onRestart(() -> restarts[0]++);

        d.desk.refresh();

        assertEquals(0, restarts[0]);
    }
}
