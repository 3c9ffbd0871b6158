package org.accesscentre.device.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.accesscentre.core.json.Json;
import org.junit.jupiter.api.Test;

class EventSummaryTest {
    private static String summary(String json) throws Exception {
        return EventSummary.of(Json.wire().readTree(json));
    }

    @Test
    void aPaymentReadsAsReferenceAmountReceiptAndAttendant() throws Exception {
        assertEquals(
                "SOU-03-000127-K EC$ 25.00 receipt 004512 service=birth-certificate by att-1",
                summary(
                        "{\"reference\":\"SOU-03-000127-K\",\"service\":\"birth-certificate\",\"feeCents\":2500,"
                                + "\"amountCents\":2500,\"currency\":\"XCD\",\"cashReceipt\":\"004512\",\"attendant\":\"att-1\"}"));
        assertEquals("USD 0.05", summary("{\"amountCents\":5,\"currency\":\"USD\"}"));
    }

    @Test
    void aSessionReadsAsMinutesAndReason() throws Exception {
        assertEquals("28 min (time limit)", summary("{\"minutes\":28,\"reason\":\"time_limit\"}"));
        assertEquals(
                "ticket A-004 3 min (citizen finished)",
                summary("{\"ticket\":\"A-004\",\"durationSeconds\":170,\"reason\":\"citizen finished\"}"));
    }

    @Test
    void otherFieldsFollowAsNameAndValueOnOneLine() throws Exception {
        assertEquals(
                "kiosk=3 note=line one line two by att-2",
                summary("{\"kiosk\":3,\"note\":\"line one\\nline two\",\"by\":\"att-2\",\"gone\":null}"));
        assertEquals("", summary("{}"));
    }
}
