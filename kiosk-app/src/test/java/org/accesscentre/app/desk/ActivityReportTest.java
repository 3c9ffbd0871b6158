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
}
