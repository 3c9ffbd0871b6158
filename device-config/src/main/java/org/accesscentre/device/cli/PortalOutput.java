package org.accesscentre.device.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accesscentre.core.json.Json;
import org.jspecify.annotations.Nullable;

/** How the portal commands print what the portal answered: JSON for machines, lines and tables for people. */
final class PortalOutput {
    private static final int MAX_VALUE = 500;

    private PortalOutput() {}

    /** The answer as one line of JSON, exactly as the portal sent it, apart from whitespace. */
    static void json(PrintWriter out, JsonNode node) {
        try {
            out.println(Json.wire().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
        out.flush();
    }

    /** A field as text, or null when it is missing or null. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : compact(value);
    }

    /** Every field of an object as aligned {@code name  value} lines, in the portal's order. */
    static void fields(PrintWriter out, JsonNode object) {
        List<Map.Entry<String, String>> lines = new ArrayList<>();
        object.properties().forEach(e -> {
            String value = text(object, e.getKey());
            lines.add(Map.entry(words(e.getKey()), value == null ? Table.NONE : clip(Table.clean(value))));
        });
        int width = lines.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
        for (Map.Entry<String, String> line : lines) {
            out.println(line.getKey() + " ".repeat(width - line.getKey().length() + 2) + line.getValue());
        }
        out.flush();
    }

    /** {@code lastSeenAt} as {@code last seen at}. */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** A byte count for people: {@code 2.1 GB}. */
    static @Nullable String bytes(@Nullable String count) {
        if (count == null) {
            return null;
        }
        double n;
        try {
            n = Double.parseDouble(count);
        } catch (NumberFormatException e) {
            return count;
        }
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        while (n >= 1000 && u < units.length - 1) {
            n /= 1000;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", n) : String.format(Locale.ROOT, "%.1f %s", n, units[u]);
    }

    /** A fee in cents with its currency: {@code 25.00 XCD}. */
    static @Nullable String money(@Nullable String cents, @Nullable String currency) {
        if (cents == null) {
            return null;
        }
        try {
            long c = Long.parseLong(cents);
            String amount = String.format(Locale.ROOT, "%d.%02d", c / 100, Math.abs(c % 100));
            return currency == null ? amount : amount + " " + currency;
        } catch (NumberFormatException e) {
            return cents;
        }
    }

    static String compact(JsonNode node) {
        try {
            return Json.wire().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 3) + "...";
    }
}
