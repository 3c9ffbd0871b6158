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
        Map<String, Double> result =
                run("enqueue", List.of("--count", "120", "--rounds", "4", "--warmup", "40", "--dir", dir.toString()));
        for (String key : List.of(
                "p50_ms",
                "p99_ms",
                "tx_per_s",
                "raw_tx_per_s",
                "overhead",
                "prepare_p50_ms",
                "full_tx_per_s",
                "sealed_bytes")) {
            assertTrue(result.containsKey(key), "missing " + key + " in " + result);
            assertTrue(result.get(key) > 0, key + " is not positive: " + result);
        }
        assertTrue(result.get("p99_ms") >= result.get("p50_ms"));
        assertTrue(result.get("sealed_bytes") > 500, "a realistic form seals to more than 500 bytes");
    }

    static Map<String, Double> run(String name, List<String> options) {
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
        Map<String, Double> values = new LinkedHashMap<>();
        for (String kv : last.substring(("RESULT " + name + " ").length()).split(" ")) {
            String[] parts = kv.split("=", 2);
            values.put(parts[0], Double.parseDouble(parts[1]));
        }
        return values;
    }
}
