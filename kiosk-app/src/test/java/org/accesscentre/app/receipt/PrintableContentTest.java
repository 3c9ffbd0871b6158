package org.accesscentre.app.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.accesscentre.app.receipt.ReportContent.Row;
import org.junit.jupiter.api.Test;

/** Tickets and reports refuse absurd content with a message naming the part, as receipts do. */
class PrintableContentTest {
    @Test
    void aTicketNeedsAShortNumber() {
        IllegalArgumentException blank = assertThrows(
                IllegalArgumentException.class, () -> new TicketContent(List.of(), " ", "Centre", "now", "", "en"));
        assertTrue(blank.getMessage().contains("ticket"), blank.getMessage());

        IllegalArgumentException longer = assertThrows(
                IllegalArgumentException.class,
                () -> new TicketContent(List.of(), "A-0000017", "Centre", "now", "", "en"));
        assertTrue(longer.getMessage().startsWith("ticket is 9 characters long"), longer.getMessage());
    }

    @Test
    void aTicketRefusesABadLanguageTagAndTooManyHeadingLines() {
        assertThrows(
                IllegalArgumentException.class, () -> new TicketContent(List.of(), "A-1", "C", "now", "", "en_GB!"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TicketContent(Collections.nCopies(5, "x"), "A-1", "C", "now", "", "en"));
    }

    @Test
    void aReportRefusesTooManyRowsAndLongValues() {
        List<Row> rows = new ArrayList<>(Collections.nCopies(ReportContent.MAX_ROWS + 1, new Row("a", "1", false)));
        IllegalArgumentException many = assertThrows(
                IllegalArgumentException.class, () -> new ReportContent(List.of(), "T", "", rows, List.of()));
        assertTrue(many.getMessage().contains("201 rows"), many.getMessage());

        IllegalArgumentException value = assertThrows(
                IllegalArgumentException.class, () -> new Row("Cash", "x".repeat(Row.MAX_VALUE + 1), false));
        assertTrue(value.getMessage().startsWith("row value is 25 characters long"), value.getMessage());
    }

    @Test
    void aRuleIsARowOfItsOwnKind() {
        assertTrue(Row.rule().isRule());
        assertEquals(Row.rule(), Row.rule());
        assertFalse(new Row("-", "1", false).isRule(), "a dash with a value is an ordinary row");
        assertFalse(new Row("Cash", "", false).isRule());
    }

    @Test
    void theContentIsCopiedSoLaterChangesDoNotShowOnPaper() {
        List<Row> rows = new ArrayList<>(List.of(new Row("a", "1", false)));
        ReportContent report = new ReportContent(List.of(), "T", "", rows, List.of());
        rows.add(Row.rule());

        assertEquals(1, report.rows().size());
    }
}
