package org.accesscentre.app.receipt;

import java.util.List;
import java.util.Objects;

/**
 * A printed report for the attendant, such as the end-of-day cash reconciliation: a title, then rows of a
 * label and a value (the value right-aligned, as on a till roll), then footer lines such as "Counted by".
 *
 * @param heading lines at the top, such as the centre's name; may be empty
 * @param title such as "End of day: cash"
 * @param subtitle such as "Tuesday 14 April 2026, kiosk 3"; blank to leave it off
 * @param rows in print order; {@link Row#rule()} between groups
 * @param footer lines at the bottom; may be empty
 */
public record ReportContent(List<String> heading, String title, String subtitle, List<Row> rows, List<String> footer) {
    /** A day's report has a few dozen rows; a thousand is a bug upstream and a metre of paper. */
    public static final int MAX_ROWS = 200;

    public static final int MAX_FOOTER_LINES = 8;

    public ReportContent {
        heading = Texts.lines("heading", heading, ReceiptContent.MAX_HEADING_LINES, ReceiptContent.MAX_LINE);
        Texts.check("title", title, ReceiptContent.MAX_LINE);
        Texts.check("subtitle", subtitle, ReceiptContent.MAX_LINE);
        Objects.requireNonNull(rows, "rows");
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("rows has " + rows.size() + " rows; a report takes at most " + MAX_ROWS);
        }
        rows = List.copyOf(rows);
        footer = Texts.lines("footer", footer, MAX_FOOTER_LINES, ReceiptContent.MAX_LINE);
    }

    /**
     * One line of the report: {@code label} on the left, {@code value} on the right; a label too long for the
     * line wraps, and the value stays on its first line.
     *
     * @param label such as "Cash taken"
     * @param value such as "EC$ 125.00"; may be blank
     */
    public record Row(String label, String value, boolean bold) {
        public static final int MAX_LABEL = ReceiptContent.MAX_LINE;
        /** A value sits beside its label: an amount or a count, never a sentence. */
        public static final int MAX_VALUE = 24;

        /** The label that marks a separator: a row of just a dash is drawn as a line across the paper. */
        public static final String RULE_MARK = "-";

        public Row {
            Texts.check("row label", label, MAX_LABEL);
            Texts.check("row value", value, MAX_VALUE);
        }

        /** A separator line between groups of rows, such as above a total. */
        public static Row rule() {
            return new Row(RULE_MARK, "", false);
        }

        /** True for a separator from {@link #rule()}: label {@value #RULE_MARK} and no value. */
        public boolean isRule() {
            return label.equals(RULE_MARK) && value.isEmpty();
        }
    }
}
