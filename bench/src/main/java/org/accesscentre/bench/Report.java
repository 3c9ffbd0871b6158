package org.accesscentre.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A benchmark's table and its final {@code RESULT} line. */
final class Report {
    private final String name;
    private final PrintWriter out;
    private final Map<String, String> results = new LinkedHashMap<>();

    Report(String name, PrintWriter out) {
        this.name = name;
        this.out = out;
    }

    void header(String... columns) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", columns[0]));
        for (int i = 1; i < columns.length; i++) {
            sb.append(String.format(Locale.ROOT, "%12s", columns[i]));
        }
        out.println(sb);
    }

    void row(String label, double... values) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", label));
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%12.3f", v));
        }
        out.println(sb);
    }

    /** A row whose first column is a count, printed as a whole number. */
    void countedRow(String label, long count, double... values) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s%12d", label, count));
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%12.3f", v));
        }
        out.println(sb);
    }

    void line(String text) {
        out.println(text);
    }

    void result(String key, double value) {
        results.put(key, String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3f", value));
    }

    void result(String key, String value) {
        results.put(key, value);
    }

    /** Prints the last line, {@code RESULT name key=value ...}, and returns it. */
    String finish() {
        StringBuilder sb = new StringBuilder("RESULT ").append(name);
        results.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        String line = sb.toString();
        out.println(line);
        return line;
    }
}
