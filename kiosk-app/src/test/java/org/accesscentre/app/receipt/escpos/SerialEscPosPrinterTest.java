package org.accesscentre.app.receipt.escpos;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.accesscentre.app.receipt.PrintResult;
import org.accesscentre.app.receipt.PrintResult.Problem;
import org.accesscentre.app.receipt.PrinterState;
import org.accesscentre.app.receipt.ReceiptException;
import org.accesscentre.app.receipt.SampleReceipts;
import org.accesscentre.app.receipt.escpos.FakeSerialPort.Condition;
import org.accesscentre.device.config.Hardware;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SerialEscPosPrinterTest {
    private final FakeSerialPort port = new FakeSerialPort("/dev/ttyUSB0");
    private final EscPosEncoder encoder = new EscPosEncoder();
    private final SerialEscPosPrinter printer = new SerialEscPosPrinter(port, encoder);

    @Test
    void outOfPaperIsSaidAndNothingButStatusQueriesIsWritten() throws Exception {
        port.condition(Condition.PAPER_OUT);

        assertEquals(PrinterState.PAPER_OUT, printer.state());
        PrintResult result = printer.print(SampleReceipts.english());

        assertEquals(new PrintResult.NotPrinted(Problem.PAPER_OUT, "/dev/ttyUSB0"), result);
        assertEquals(0, port.printed().length);
        assertTrue(port.queries().size() >= 2, String.valueOf(port.queries()));
    }

    @Test
    void aReadyPrinterGetsExactlyTheEncodersBytesAfterAskingHowItIs() throws Exception {
        PrintResult result = printer.print(SampleReceipts.english());

        assertEquals(new PrintResult.Printed("/dev/ttyUSB0"), result);
        assertArrayEquals(encoder.receipt(SampleReceipts.english()), port.printed());
        assertEquals(List.of(1, 4), port.queries(), "printer status, then the paper sensor, before printing");
    }

    @Test
    void aPrinterLowOnPaperStillPrints() throws Exception {
        port.condition(Condition.PAPER_NEAR_END);

        assertEquals(new PrintResult.Printed("/dev/ttyUSB0"), printer.print(SampleReceipts.english()));
        assertArrayEquals(encoder.receipt(SampleReceipts.english()), port.printed());
        assertEquals(PrinterState.PAPER_LOW, printer.state(), "and the attendant is told to have a roll ready");
    }

    @Test
    void ticketsAndReportsGoOutTheSameWay() throws Exception {
        assertEquals(new PrintResult.Printed("/dev/ttyUSB0"), printer.printTicket(SampleReceipts.ticket()));
        assertEquals(new PrintResult.Printed("/dev/ttyUSB0"), printer.printReport(SampleReceipts.report()));

        byte[] ticket = encoder.ticket(SampleReceipts.ticket());
        byte[] report = encoder.report(SampleReceipts.report());
        byte[] both = new byte[ticket.length + report.length];
        System.arraycopy(ticket, 0, both, 0, ticket.length);
        System.arraycopy(report, 0, both, ticket.length, report.length);
        assertArrayEquals(both, port.printed());
    }

    @Test
    void aSilentPrinterIsOfflineAndNothingIsPrinted() throws Exception {
        port.condition(Condition.SILENT);

        assertEquals(PrinterState.OFFLINE, printer.state());
        assertEquals(
                new PrintResult.NotPrinted(Problem.PRINTER_OFFLINE, "/dev/ttyUSB0"),
                printer.printTicket(SampleReceipts.ticket()));
        assertEquals(0, port.printed().length);
    }

    @ParameterizedTest
    @CsvSource({
        "OK, OK",
        "PAPER_NEAR_END, PAPER_LOW",
        "PAPER_OUT, PAPER_OUT",
        "COVER_OPEN, COVER_OPEN",
        "ERROR, ERROR",
        "SILENT, OFFLINE"
    })
    void eachConditionIsTheStateTheHeartbeatReports(Condition condition, PrinterState state) {
        port.condition(condition);

        assertEquals(state, printer.state());
    }

    @Test
    void anOpenCoverIsSaidWithoutPrinting() throws Exception {
        port.condition(Condition.COVER_OPEN);

        assertEquals(
                new PrintResult.NotPrinted(Problem.COVER_OPEN, "/dev/ttyUSB0"),
                printer.print(SampleReceipts.english()));
        assertEquals(List.of(1, 4, 2), port.queries(), "offline, paper is fine, so it asks why");
        assertEquals(0, port.printed().length);
    }

    @Test
    void aPrinterFaultIsAReceiptExceptionTheAttendantCanActOn() {
        port.condition(Condition.ERROR);

        ReceiptException e = assertThrows(ReceiptException.class, () -> printer.print(SampleReceipts.english()));
        assertTrue(e.getMessage().contains("/dev/ttyUSB0"), e.getMessage());
        assertEquals(0, port.printed().length);
    }

    @Test
    void leftOverBytesOnTheLineAreNotTakenForTheAnswer() throws Exception {
        port.condition(Condition.OK);
        port.noise((byte) 0x72, (byte) 0x72); // a stale "paper end" from before the roll was changed

        assertEquals(PrinterState.OK, printer.state());
    }

    @Test
    void aClosedLinkIsAReceiptExceptionAndOfflineState() {
        port.close();

        assertThrows(ReceiptException.class, () -> printer.print(SampleReceipts.english()));
        assertEquals(PrinterState.OFFLINE, printer.state());
    }

    @Test
    void theWireWordsAreTheHeartbeats() {
        assertEquals(
                List.of("ok", "paper_low", "paper_out", "cover_open", "offline", "error", "none"),
                List.of(PrinterState.values()).stream().map(PrinterState::wire).toList());
    }

    @Test
    void aPortThatDoesNotExistIsAnIoExceptionNamingIt() {
        IOException e = assertThrows(
                IOException.class, () -> JSerialCommLink.open(new Hardware.Printer("/dev/ttyNOPE-kiosk-test", 19_200)));
        assertTrue(e.getMessage().contains("/dev/ttyNOPE-kiosk-test"), e.getMessage());
    }
}
