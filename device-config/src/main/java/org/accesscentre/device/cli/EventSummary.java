package org.accesscentre.device.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A journal event's body in a few words for a table row: {@code SOU-03-000127-K EC$ 25.00 receipt 004512 by
 * att-1}, {@code 28 min (time limit)}. The fields people look for come first, in words; any others follow as
 * {@code name=value}. Bodies come from kiosks, so nothing is assumed about which fields are there.
 */
final class EventSummary {
    /** Fields said in words, not as name=value. */
    private static final Set<String> SAID = Set.of(
            "reference",
            "ticket",
            "amountCents",
            "feeCents",
            "currency",
            "cashReceipt",
            "minutes",
            "seconds",
            "durationSeconds",
            "reason",
            "attendant",
            "by");

    private EventSummary() {}

    static String of(JsonNode body) {
        List<String> words = new ArrayList<>();
        add(words, text(body, "reference"));
        String ticket = text(body, "ticket");
        add(words, ticket == null ? null : "ticket " + ticket);
        String cents = text(body, body.has("amountCents") ? "amountCents" : "feeCents");
        add(words, money(cents, text(body, "currency")));
        String receipt = text(body, "cashReceipt");
        add(words, receipt == null ? null : "receipt " + receipt);
        add(words, duration(body));
        String reason = text(body, "reason");
        add(words, reason == null ? null : "(" + reason.replace('_', ' ') + ")");
        Set<String> others = new LinkedHashSet<>();
        body.properties().forEach(e -> {
            if (!SAID.contains(e.getKey()) && !e.getValue().isNull()) {
                others.add(e.getKey() + "=" + PortalOutput.text(body, e.getKey()));
            }
        });
        words.addAll(others);
        String who = text(body, body.has("attendant") ? "attendant" : "by");
        add(words, who == null ? null : "by " + who);
        return Table.clean(String.join(" ", words));
    }

    private static void add(List<String> words, @Nullable String word) {
        if (word != null && !word.isBlank()) {
            words.add(word);
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    /** {@code EC$ 25.00} for the Eastern Caribbean dollar, {@code USD 25.00} for any other currency. */
    private static @Nullable String money(@Nullable String cents, @Nullable String currency) {
        if (cents == null || !cents.matches("-?[0-9]{1,15}")) {
            return cents;
        }
        long c = Long.parseLong(cents);
        String amount = String.format(Locale.ROOT, "%s%d.%02d", c < 0 ? "-" : "", Math.abs(c / 100), Math.abs(c % 100));
        if (currency == null || currency.isBlank()) {
            return amount;
        }
        return (currency.equals("XCD") ? "EC$" : currency) + " " + amount;
    }

    /** Whole minutes, from minutes or seconds. */
    private static @Nullable String duration(JsonNode body) {
        JsonNode minutes = body.get("minutes");
        if (minutes != null && minutes.isNumber()) {
            return minutes.asLong() + " min";
        }
        JsonNode seconds = body.has("durationSeconds") ? body.get("durationSeconds") : body.get("seconds");
        if (seconds != null && seconds.isNumber()) {
            return Math.round(seconds.asDouble() / 60) + " min";
        }
        return null;
    }
}
