package org.accesscentre.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.accesscentre.app.receipt.escpos.EscPosEncoder;
import org.accesscentre.app.receipt.escpos.FakeSerialPort;
import org.accesscentre.app.receipt.escpos.SerialEscPosPrinter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A kiosk whose thermal printer (on a fake serial port) runs out of paper: the attendant's health panel says
 * so, a queue ticket is not printed and the attendant is told why, and a new roll puts it right.
 */
@ExtendWith(ApplicationExtension.class)
class PrinterHealthFlowTest {
    @TempDir
    Path dir;

    final FakeSerialPort port = new FakeSerialPort("/dev/ttyUSB0");
    KioskUi kiosk;

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new KioskUi(stage, dir, 1280, 800, new SerialEscPosPrinter(port, new EscPosEncoder()));
    }

    @AfterEach
    void close() throws Exception {
        kiosk.close();
    }

    @Test
    void paperOutReachesTheHealthPanelAndTicketsSayTheyWereNotPrinted(FxRobot robot) {
        port.condition(FakeSerialPort.Condition.PAPER_OUT);
        kiosk.desk.printing().checkPrinter(); // what the devices' poll does every few seconds
        for (int i = 0; i < 5; i++) {
            KioskUi.tap(robot, "#attendant-corner");
        }
        KioskUi.tap(robot, "#attendant-att-1");
        for (char c : "2468".toCharArray()) {
            KioskUi.tap(robot, "#pin-" + c);
        }
        KioskUi.tap(robot, "#pin-ok");
        KioskUi.tap(robot, "#issue-ticket");
        assertEquals(
                "Ticket A-001 not printed: the printer is out of paper.",
                robot.lookup("#desk-message").queryLabeled().getText());
        KioskUi.tap(robot, "#tab-kiosk");
        assertEquals(
                "⚠ Out of paper: put in a new roll",
                robot.lookup("#health-printer").queryLabeled().getText());
        assertTrue(port.printed().length == 0, "nothing but status queries reached the printer");

        port.condition(FakeSerialPort.Condition.OK);
        KioskUi.tap(robot, "#test-print");
        assertEquals(
                "The test page printed.",
                robot.lookup("#desk-message").queryLabeled().getText());
        KioskUi.tap(robot, "#tab-session");
        KioskUi.tap(robot, "#tab-kiosk");
        assertEquals("Ready", robot.lookup("#health-printer").queryLabeled().getText());
    }
}
