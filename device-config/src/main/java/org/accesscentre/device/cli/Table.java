package org.accesscentre.device.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Aligned columns for people. Every cell is one line without control characters, since the values come from
 * the portal and, through it, from kiosks; a long cell is clipped. Columns of numbers align right.
 */
final class Table {
    static final String NONE = "-";
    private static final int MAX_CELL = 60;
    private static final int MAX_LAST_CELL = 500;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** A row; {@code null} shows as {@value #NONE}. */
    Table row(@Nullable Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (int c = 0; c < cells.length; c++) {
            // The last column aligns nothing after it, so it may be long: an answer is read in full.
            row.add(cell(cells[c], c == cells.length - 1 ? MAX_LAST_CELL : MAX_CELL));
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int columns = headers.size();
        int[] width = new int[columns];
        boolean[] right = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = headers.get(c).length();
            boolean anyNumber = false;
            boolean onlyNumbers = true;
            for (List<String> row : rows) {
                String cell = row.get(c);
                width[c] = Math.max(width[c], cell.length());
                anyNumber |= NUMBER.matcher(cell).matches();
                onlyNumbers &= cell.equals(NONE) || NUMBER.matcher(cell).matches();
            }
            right[c] = anyNumber && onlyNumbers;
        }
        if (headers.stream().anyMatch(h -> !h.isEmpty())) { // a list of name and value needs no header
            line(out, headers, width, right);
        }
        for (List<String> row : rows) {
            line(out, row, width, right);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] width, boolean[] right) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(width[c] - cell.length());
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(right[c] ? pad + cell : cell + (c == cells.size() - 1 ? "" : pad));
        }
        out.println(sb);
    }

    /** A value for one line: {@value #NONE} for nothing, no control characters, at most 60 characters. */
    static String cell(@Nullable Object value) {
        return cell(value, MAX_CELL);
    }

    private static String cell(@Nullable Object value, int max) {
        if (value == null) {
            return NONE;
        }
        String text = clean(value.toString());
        return text.isEmpty() ? NONE : text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** One line, no control characters: what a terminal shows as it is. */
    static String clean(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
