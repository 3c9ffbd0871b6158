package org.accesscentre.sync.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.accesscentre.core.state.PrinterStatus;
import org.junit.jupiter.api.Test;

/** The heartbeat carries only printer words the portal takes; paper low, which still prints, goes as ok. */
class HeartbeaterPrinterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void paperLowIsOkToThePortalAndEveryOtherStateIsSentAsItIs() {
        assertEquals("ok", Heartbeater.printerState(new PrinterStatus("paper_low", "", NOW)));
        for (String state : java.util.List.of("ok", "paper_out", "cover_open", "offline", "none", "error")) {
            assertEquals(state, Heartbeater.printerState(new PrinterStatus(state, "", NOW)));
        }
    }
}
