package org.accesscentre.app.receipt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.accesscentre.core.reference.ReferenceNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PngReceiptPrinterTest {
    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void theQrCodeOnTheSavedReceiptReadsBackAsTheReference(int paper) throws Exception {
        PngReceiptPrinter printer = new PngReceiptPrinter(data.resolve("receipts"), paper, 50);

        for (ReceiptContent receipt : List.of(SampleReceipts.english(), SampleReceipts.frenchOffline())) {
            Path file = saved(printer.print(receipt));
            BufferedImage image = ImageIO.read(file.toFile());

            assertEquals(
                    receipt.reference().toString(), QrDecoding.decode(image).getText());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {ReceiptLayout.PAPER_80MM, ReceiptLayout.PAPER_58MM})
    void theImageIsOnePixelPerDotWithBlankMargins(int paper) throws Exception {
        PngReceiptPrinter printer = new PngReceiptPrinter(data.resolve("receipts"), paper, 50);
        ReceiptContent receipt = SampleReceipts.frenchOffline();

        BufferedImage image = ImageIO.read(saved(printer.print(receipt)).toFile());

        assertEquals(paper, image.getWidth());
        assertEquals(ReceiptLayout.of(receipt, paper).height(), image.getHeight());
        int margin = ReceiptLayout.margin(paper);
        assertEquals(0, ReceiptLayoutTest.inkIn(image, 0, 0, margin, image.getHeight()), "ink in the left margin");
        assertEquals(0, ReceiptLayoutTest.inkIn(image, paper - margin, 0, margin, image.getHeight()), "right margin");
        assertTrue(ReceiptLayoutTest.inkIn(image, 0, 0, paper, image.getHeight()) > 10_000, "hardly any ink");
    }

    @Test
    void theFileIsNamedAfterTheReferenceAndOnlyItsOwnerCanReadIt() throws Exception {
        Path receipts = data.resolve("receipts");
        PrintResult result = new PngReceiptPrinter(receipts).print(SampleReceipts.english());

        Path expected = receipts.resolve(SampleReceipts.REFERENCE + ".png");
        assertEquals(new PrintResult.Saved(expected), result);
        assertTrue(result.describe().contains(expected.toString()), result.describe());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(expected));
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(receipts));
    }

    @Test
    void aReprintReplacesTheFileWithANewOneInsteadOfWritingIntoIt() throws Exception {
        Path receipts = data.resolve("receipts");
        PngReceiptPrinter printer = new PngReceiptPrinter(receipts);
        Path file = saved(printer.print(SampleReceipts.english()));
        byte[] first = Files.readAllBytes(file);
        // A second name for the first file's content, as a viewer with the file open would hold it.
        Path reader = Files.createLink(data.resolve("held-open.png"), file);

        printer.print(SampleReceipts.frenchOffline());
        ReceiptContent sent = SampleReceipts.english();
        ReceiptContent reprint = new ReceiptContent(
                sent.heading(),
                sent.reference(),
                "Birth certificate (reprint)",
                sent.centreAndKiosk(),
                sent.dateTime(),
                sent.fee(),
                sent.whatHappensNext(),
                sent.whatToBring(),
                sent.offlineNote(),
                sent.footer(),
                sent.qrPayload(),
                sent.localeTag(),
                sent.labels());
        assertEquals(new PrintResult.Saved(file), printer.print(reprint));

        assertArrayEquals(first, Files.readAllBytes(reader), "the old file was written over in place");
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(file)), "the reprint did not replace it");
        assertEquals(Set.of(file.getFileName().toString(), "VFT-12-1234567-U.png"), names(receipts));
    }

    @Test
    void theOldestReceiptsBeyondTheLimitAreDeletedAndNothingElse() throws Exception {
        Path receipts = Files.createDirectories(data.resolve("receipts"));
        for (int day = 1; day <= 4; day++) {
            Path old = receipts.resolve(new ReferenceNumber("SOU", 3, day) + ".png");
            Files.write(old, new byte[] {1});
            Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2025-01-0" + day + "T10:00:00Z")));
        }
        Path notes = Files.writeString(receipts.resolve("notes.txt"), "attendant's notes");
        Path other = Files.write(receipts.resolve("poster.png"), new byte[] {2});
        Files.setLastModifiedTime(notes, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Files.setLastModifiedTime(other, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        new PngReceiptPrinter(receipts, ReceiptLayout.PAPER_80MM, 3).print(SampleReceipts.english());

        assertEquals(
                Set.of(
                        SampleReceipts.REFERENCE + ".png",
                        new ReferenceNumber("SOU", 3, 4) + ".png",
                        new ReferenceNumber("SOU", 3, 3) + ".png",
                        "notes.txt",
                        "poster.png"),
                names(receipts));
    }

    @Test
    void theReceiptJustSavedStaysEvenIfTheClockWentBack() throws Exception {
        Path receipts = Files.createDirectories(data.resolve("receipts"));
        Path future = receipts.resolve(new ReferenceNumber("SOU", 3, 1) + ".png");
        Files.write(future, new byte[] {1});
        Files.setLastModifiedTime(future, FileTime.from(Instant.parse("2099-01-01T00:00:00Z")));

        new PngReceiptPrinter(receipts, ReceiptLayout.PAPER_80MM, 1).print(SampleReceipts.english());

        assertEquals(Set.of(SampleReceipts.REFERENCE + ".png"), names(receipts));
    }

    @Test
    void aDirectoryThatCannotBeMadeIsAReceiptExceptionNamingTheFile() throws Exception {
        Path notADirectory = Files.writeString(data.resolve("data-is-a-file"), "oops");
        PngReceiptPrinter printer = new PngReceiptPrinter(notADirectory.resolve("receipts"));

        ReceiptException e = assertThrows(ReceiptException.class, () -> printer.print(SampleReceipts.english()));
        assertTrue(e.getMessage().contains(notADirectory.resolve("receipts").toString()), e.getMessage());
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PngReceiptPrinter(data, ReceiptLayout.PAPER_80MM, 0));
        assertThrows(IllegalArgumentException.class, () -> new PngReceiptPrinter(data, 100, 50));
    }

    @Test
    void ticketsAndReportsAreSavedAsImagesNamedAfterThemAndPrunedApart() throws Exception {
        PngReceiptPrinter printer = new PngReceiptPrinter(data.resolve("receipts"), ReceiptLayout.PAPER_58MM, 1);
        printer.print(SampleReceipts.english());

        Path ticket = saved(printer.printTicket(SampleReceipts.ticket()));
        Path report = saved(printer.printReport(SampleReceipts.report()));

        assertEquals("ticket-a-017.png", ticket.getFileName().toString());
        assertEquals("report-end-of-day-cash.png", report.getFileName().toString());
        BufferedImage image = ImageIO.read(ticket.toFile());
        assertEquals(ReceiptLayout.PAPER_58MM, image.getWidth());
        assertTrue(ReceiptLayoutTest.inkIn(image, 0, 0, image.getWidth(), image.getHeight()) > 1_000, "ticket ink");
        assertEquals(
                Set.of(SampleReceipts.REFERENCE + ".png", "ticket-a-017.png", "report-end-of-day-cash.png"),
                names(data.resolve("receipts")),
                "keeping one of each kind keeps the receipt, the ticket and the report");
    }

    @Test
    void theTicketNumberIsTheLargestTextAndTheReportValuesAreFlushRight() {
        ReceiptLayout ticket = ReceiptLayout.of(SampleReceipts.ticket(), ReceiptLayout.PAPER_80MM);
        LayoutElement.TextLine number = ticket.elements().stream()
                .filter(e -> e instanceof LayoutElement.TextLine t && t.text().equals("A-017"))
                .map(LayoutElement.TextLine.class::cast)
                .findFirst()
                .orElseThrow();
        assertTrue(ticket.elements().stream()
                .filter(LayoutElement.TextLine.class::isInstance)
                .map(LayoutElement.TextLine.class::cast)
                .allMatch(t -> t.size() <= number.size()));

        ReceiptLayout report = ReceiptLayout.of(SampleReceipts.report(), ReceiptLayout.PAPER_80MM);
        int right = ReceiptLayout.PAPER_80MM - ReceiptLayout.margin(ReceiptLayout.PAPER_80MM);
        LayoutElement.TextLine total = report.elements().stream()
                .filter(e -> e instanceof LayoutElement.TextLine t && t.text().equals("EC$ 600.00"))
                .map(LayoutElement.TextLine.class::cast)
                .findFirst()
                .orElseThrow();
        assertTrue(total.x() + total.width() <= right && total.x() + total.width() >= right - 2, total.toString());
        assertTrue(
                report.elements().stream()
                                .filter(LayoutElement.Rule.class::isInstance)
                                .count()
                        >= 3,
                "rules");
    }

    @Test
    void theStateIsOkWhileTheDirectoryCanBeWrittenAndErrorOtherwise() throws Exception {
        assertEquals(PrinterState.OK, new PngReceiptPrinter(data.resolve("not-yet-made")).state());
        assertEquals(PrinterState.OK, new PngReceiptPrinter(data).state());

        Path notADirectory = Files.writeString(data.resolve("data-is-a-file"), "oops");
        assertEquals(PrinterState.ERROR, new PngReceiptPrinter(notADirectory.resolve("receipts")).state());
    }

    @Test
    void fileNamesAreSafeWhateverTheTitle() {
        assertEquals("end-of-day-cash", PngReceiptPrinter.slug("End of day: cash"));
        assertEquals("a-017", PngReceiptPrinter.slug("A-017"));
        assertEquals("untitled", PngReceiptPrinter.slug("../../"));
        assertEquals("r-capitulatif-de-caisse", PngReceiptPrinter.slug("Récapitulatif de caisse"));
        assertTrue(PngReceiptPrinter.slug("x".repeat(100)).length() <= 40);
    }

    private static Path saved(PrintResult result) {
        if (result instanceof PrintResult.Saved(Path file)) {
            return file;
        }
        throw new AssertionError("not saved: " + result.describe());
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }
}
