package org.accesscentre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A small run of each benchmark inside the tests: it must work and end with a well-formed RESULT line.
 * Timings are not asserted here; the full-size runs are {@code ./kiosk bench NAME}.
 */
class BenchSmokeTest {

    @Test
    void enqueueEndsWithItsResultLine(@TempDir Path dir) {
        Map<String, Double> result = numbers(
                run("enqueue", List.of("--count", "120", "--rounds", "4", "--warmup", "40", "--dir", dir.toString())));
        for (String key : List.of(
                "p50_ms",
                "p99_ms",
                "tx_per_s",
                "raw_tx_per_s",
                "overhead",
                "overhead_round_median",
                "commit_tx_per_s",
                "commit_overhead_round_median",
                "prepare_p50_ms",
                "sealed_bytes")) {
            assertTrue(result.containsKey(key), "missing " + key + " in " + result);
            assertTrue(result.get(key) > 0, key + " is not positive: " + result);
        }
        // A difference of two means: in a run this small, noise can make it negative.
        assertTrue(result.containsKey("prepare_inline_us"), "missing prepare_inline_us in " + result);
        assertTrue(result.get("p99_ms") >= result.get("p50_ms"));
        assertTrue(result.get("sealed_bytes") > 500, "a realistic form seals to more than 500 bytes");
        // Issue 2's definition: the raw rate over the rate of submit() with validation and sealing in it.
        // The rates are printed rounded to whole numbers, hence the 2% leeway.
        assertEquals(
                result.get("raw_tx_per_s") / result.get("tx_per_s"),
                result.get("overhead"),
                0.02 * result.get("overhead"));
    }

    @Test
    void portalIngestAcceptsEveryItemAndEndsWithItsResultLine(@TempDir Path dir) {
        Map<String, String> result = run(
                "portal-ingest",
                List.of(
                        "--devices",
                        "4",
                        "--per-device",
                        "20",
                        "--batch",
                        "10",
                        "--clients",
                        "4",
                        "--dir",
                        dir.toString()));
        assertEquals("sqlite", result.get("db"));
        assertEquals("4", result.get("devices"));
        assertEquals("80", result.get("accepted"), "every timed item is accepted: " + result);
        Map<String, Double> numbers = numbers(result);
        for (String key : List.of(
                "tx_per_s",
                "p50_batch_ms",
                "p99_batch_ms",
                "cpu_us_per_tx",
                "inprocess_tx_per_s",
                "read_req_per_s",
                "heartbeat_req_per_s",
                "open_us",
                "validate_us")) {
            assertTrue(numbers.containsKey(key), "missing " + key + " in " + result);
            assertTrue(numbers.get(key) > 0, key + " is not positive: " + result);
        }
        assertTrue(numbers.get("p99_batch_ms") >= numbers.get("p50_batch_ms"));
    }

    @Test
    void drainAcknowledgesEverythingAndEndsWithItsResultLine(@TempDir Path dir) {
        Map<String, String> result =
                run("drain", List.of("--link", "4g", "--count", "50", "--baseline", "10", "--dir", dir.toString()));
        assertEquals("50", result.get("count"));
        assertEquals("4g", result.get("link"));
        assertEquals("50", result.get("acknowledged"), "every submission is acknowledged: " + result);
        assertEquals("10", result.get("baseline_acknowledged"), "every baseline submission too: " + result);
        Map<String, Double> numbers = numbers(result);
        for (String key : List.of(
                "seconds",
                "wire_bytes_per_tx",
                "floor_seconds",
                "ratio_to_floor",
                "per_item_seconds",
                "speedup_vs_per_item",
                "per_item_wire_bytes_per_tx")) {
            assertTrue(numbers.containsKey(key), "missing " + key + " in " + result);
            assertTrue(numbers.get(key) > 0, key + " is not positive: " + result);
        }
        assertTrue(numbers.get("wire_bytes_per_tx") > 500, "a sealed request crossed the link: " + result);
        assertTrue(numbers.get("requests") < 50, "the daemon batched: fewer requests than submissions: " + result);
    }

    /** The values of a RESULT line that are numbers; {@code db=sqlite} and the like are left out. */
    static Map<String, Double> numbers(Map<String, String> result) {
        Map<String, Double> values = new LinkedHashMap<>();
        result.forEach((k, v) -> {
            try {
                values.put(k, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                // not a number: a name such as the database
            }
        });
        return values;
    }

    static Map<String, String> run(String name, List<String> options) {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new BenchMain());
        cli.setOut(new PrintWriter(text, true));
        String[] args = new String[options.size() + 1];
        args[0] = name;
        for (int i = 0; i < options.size(); i++) {
            args[i + 1] = options.get(i);
        }
        assertEquals(0, cli.execute(args), text.toString());
        String[] lines = text.toString().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("RESULT " + name + " "), "last line: " + last);
        Map<String, String> values = new LinkedHashMap<>();
        for (String kv : last.substring(("RESULT " + name + " ").length()).split(" ")) {
            String[] parts = kv.split("=", 2);
            values.put(parts[0], parts[1]);
        }
        return values;
    }
}
