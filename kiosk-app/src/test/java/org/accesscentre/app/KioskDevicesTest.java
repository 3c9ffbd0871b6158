package org.accesscentre.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.desk.Desks;
import org.accesscentre.app.desk.Health;
import org.accesscentre.app.device.KioskHardware;
import org.accesscentre.app.device.LightState;
import org.accesscentre.app.device.ManualScheduler;
import org.accesscentre.app.device.MockKioskHardware;
import org.accesscentre.app.receipt.escpos.EscPosEncoder;
import org.accesscentre.app.receipt.escpos.FakeSerialPort;
import org.accesscentre.app.receipt.escpos.SerialEscPosPrinter;
import org.accesscentre.core.state.DeviceState;
import org.accesscentre.core.state.KioskLock;
import org.accesscentre.core.state.PrinterStatus;
import org.accesscentre.core.state.SyncStatus;
import org.accesscentre.device.config.Hardware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's hardware wired to the desk, on Pi4J's mock providers and a fake serial printer: a bouncing help
 * button calls the attendant once, the status light follows the store, and a printer out of paper reaches
 * the attendant's health panel.
 */
class KioskDevicesTest {
    @TempDir
    Path dir;

    Desks d;
    ManualScheduler scheduler;
    MockKioskHardware hardware;
    FakeSerialPort port;
    KioskDevices devices;
    DeskViewModel desk;

    @BeforeEach
    void open() throws Exception {
        d = new Desks(dir);
        scheduler = new ManualScheduler(d.kiosk.clock);
        hardware = KioskHardware.mock(Hardware.NONE, d.kiosk.clock, scheduler);
        port = new FakeSerialPort("/dev/ttyUSB0");
        desk = new DeskViewModel(d.desk, d.kiosk.shell, dir);
        devices = new KioskDevices(
                hardware.hardware(),
                d.store,
                new org.accesscentre.app.desk.DeskPrinting(withPrinter()),
                d.kiosk.clock,
                scheduler);
    }

    /** The kiosk's context with the thermal printer on the fake port. */
    private org.accesscentre.app.flow.KioskContext withPrinter() {
        var c = d.kiosk.ctx;
        return new org.accesscentre.app.flow.KioskContext(
                c.clock(),
                c.zone(),
                c.centre(),
                c.kiosk(),
                c.envelopeKey(),
                c.store(),
                c.catalogues(),
                c.locales(),
                c.idle(),
                c.background(),
                c.ui(),
                new SerialEscPosPrinter(port, new EscPosEncoder()));
    }

    @AfterEach
    void close() throws Exception {
        devices.close();
        hardware.close();
        d.close();
    }

    @Test
    void aBouncingHelpButtonCallsTheAttendantOnceAndPressedAgainOpensAttendantMode() throws Exception {
        AtomicInteger presses = new AtomicInteger();
        devices.start(() -> {
            presses.incrementAndGet();
            desk.helpButtonPressed();
        });
        hardware.bounce(7); // one press, with the contact bouncing
        assertEquals(1, presses.get());
        assertTrue(d.desk.helpRequestedProperty().get());
        assertEquals(List.of("help.requested"), d.kinds());

        hardware.bounce(1); // let go
        d.kiosk.clock.advance(Duration.ofSeconds(40));
        hardware.pressHelp(); // the attendant came and pressed it
        assertEquals(DeskViewModel.Mode.CHOOSE, desk.modeProperty().get(), "attendant mode opens: who are you?");
        assertEquals(List.of("help.requested"), d.kinds(), "still one help request");

        devices.helpCalled();
        assertTrue(hardware.buzzing());
        scheduler.advance(KioskDevices.BUZZ);
        assertFalse(hardware.buzzing());
    }

    @Test
    void theStatusLightFollowsTheStore() throws Exception {
        Instant now = d.kiosk.clock.instant();
        // No word from the daemon yet: a fault, and not online.
        assertEquals(new LightState(false, false, true), KioskDevices.lights(d.store, now));

        DeviceState.write(d.store, DeviceState.SYNC, new SyncStatus(true, "", now, null, null, now), now);
        assertEquals(new LightState(true, false, false), KioskDevices.lights(d.store, now));
        d.paidService(2500);
        assertEquals(new LightState(true, true, false), KioskDevices.lights(d.store, now));
        DeviceState.write(d.store, DeviceState.PRINTER, new PrinterStatus("paper_low", "", now), now);
        assertEquals(new LightState(true, true, false), KioskDevices.lights(d.store, now), "paper low still prints");
        DeviceState.write(d.store, DeviceState.PRINTER, new PrinterStatus("paper_out", "", now), now);
        assertEquals(new LightState(true, true, true), KioskDevices.lights(d.store, now));
        DeviceState.write(d.store, DeviceState.PRINTER, new PrinterStatus("ok", "", now), now);
        DeviceState.write(d.store, DeviceState.LOCK, new KioskLock(true, "x", "att-1", now), now);
        assertTrue(KioskDevices.lights(d.store, now).fault(), "out of service shows red");
        DeviceState.write(d.store, DeviceState.LOCK, new KioskLock(false, "", "att-1", now), now);
        // The daemon falls silent: offline and a fault.
        assertEquals(
                new LightState(false, true, true), KioskDevices.lights(d.store, now.plus(KioskDevices.DAEMON_SILENT)));

        // The light itself, through the mock pins, on the devices' round.
        devices.start(() -> {});
        scheduler.advance(Duration.ZERO);
        assertEquals(new LightState(true, true, false), hardware.lit());
    }

    /** The printer in {@code condition}, asked on the devices' round: the health panel's printer line. */
    private Health.Line printerAfterARound(FakeSerialPort.Condition condition, String state) throws Exception {
        port.condition(condition);
        devices.start(() -> {});
        scheduler.advance(Duration.ZERO);
        assertEquals(
                state,
                DeviceState.read(d.store, DeviceState.PRINTER).orElseThrow().state());
        return desk.kiosk().health().stream()
                .filter(l -> l.id().equals("printer"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPrinterLowOnPaperReachesTheHealthPanel() throws Exception {
        Health.Line printer = printerAfterARound(FakeSerialPort.Condition.PAPER_NEAR_END, "paper_low");
        assertEquals("Paper low: have a new roll ready", printer.value());
        assertTrue(printer.problem(), "shown as something to see to");
    }

    @Test
    void aPrinterOutOfPaperReachesTheHealthPanel() throws Exception {
        Health.Line printer = printerAfterARound(FakeSerialPort.Condition.PAPER_OUT, "paper_out");
        assertEquals("Out of paper: put in a new roll", printer.value());
        assertTrue(printer.problem());

        // On a Pi the CPU's temperature is read from the thermal zone.
        java.nio.file.Path sensor = java.nio.file.Files.writeString(dir.resolve("temp"), "52300\n");
        desk.kiosk().temperatureSensor(sensor);
        assertEquals(
                "52 °C",
                desk.kiosk().health().stream()
                        .filter(l -> l.id().equals("temperature"))
                        .findFirst()
                        .orElseThrow()
                        .value());

        port.condition(FakeSerialPort.Condition.OK);
        scheduler.advance(KioskDevices.EVERY);
        assertEquals(
                "ok",
                DeviceState.read(d.store, DeviceState.PRINTER).orElseThrow().state());
    }
}
