package org.accesscentre.bench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.accesscentre.bench.BenchMain;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.device.config.NewKioskConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The session loop of {@code app-start} in this JVM, headless under Monocle: the real app, started through its
 * entry point, takes a few citizens from welcome to receipt and reports its figures. Timings and memory are
 * not judged here; only that every session completes and the figures are there.
 */
class AppSessionsSmokeTest {
    @TempDir
    Path dir;

    @Test
    void aFewCitizensGoFromWelcomeToReceiptAndTheFiguresAreReported() throws Exception {
        Path config = dir.resolve("config.json");
        new NewKioskConfig(
                        "BEN",
                        1,
                        URI.create("https://portal.invalid/"),
                        Keys.toBase64(Keys.generate(Keys.X25519).getPublic()),
                        List.of(Keys.toBase64(Keys.generate(Keys.ED25519).getPublic())),
                        List.of("en", "fr"),
                        ZoneId.of("America/St_Lucia"),
                        dir.resolve("data"),
                        "BNCH-0001")
                .write(config);
        Path report = dir.resolve("report.txt");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchMain());
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute(
                AppSessions.NAME,
                "--config",
                config.toString(),
                "--sessions",
                "3",
                "--report",
                report.toString(),
                "--width",
                "800",
                "--height",
                "480");

        assertEquals(0, exit, err.toString());
        Properties figures = new Properties();
        try (Reader r = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            figures.load(r);
        }
        assertEquals("3", figures.getProperty("sessions"));
        assertTrue(Integer.parseInt(figures.getProperty("questions")) >= 3, "every session answered questions");
        for (String key : List.of(
                "first_frame_ms",
                "rss_mb_first_frame",
                "rss_mb_after_1",
                "rss_mb_after_n",
                "heap_mb_after_n",
                "session_ms_p50")) {
            assertTrue(figures.containsKey(key), "missing " + key + " in " + figures);
            assertTrue(Double.parseDouble(figures.getProperty(key)) >= 0, key + " in " + figures);
        }
        try (var receipts = Files.list(dir.resolve("data").resolve("receipts"))) {
            assertEquals(3, receipts.count(), "one receipt a citizen");
        }
    }
}
