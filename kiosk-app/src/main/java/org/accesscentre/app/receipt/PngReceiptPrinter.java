package org.accesscentre.app.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.accesscentre.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves each receipt as a PNG named after its reference ({@code SOU-03-000127-K.png}) for the confirmation
 * screen to show; tickets and reports likewise, as {@code ticket-a-017.png} and {@code report-<title>.png}.
 * Files are owner-only, since a receipt belongs to one citizen, and written atomically, so the screen never
 * shows half a receipt. Only the newest {@code keep} files of each kind stay: they are copies of what the
 * citizen took away, and the kiosk must not fill its disk.
 */
public final class PngReceiptPrinter implements ReceiptPrinter {
    public static final int DEFAULT_KEEP = 50;

    private static final Logger LOG = LoggerFactory.getLogger(PngReceiptPrinter.class);

    /** Only files this printer names are ever pruned; anything else in the directory is left alone. */
    private static final Pattern RECEIPT_FILE = Pattern.compile("[A-Z]{3}-[0-9]{2}-[0-9]{6,9}-[0-9A-Z]\\.png");

    private static final Pattern TICKET_FILE = Pattern.compile("ticket-[a-z0-9-]{1,40}\\.png");
    private static final Pattern REPORT_FILE = Pattern.compile("report-[a-z0-9-]{1,40}\\.png");

    private final Path directory;
    private final int paperWidth;
    private final int keep;

    /** 80 mm paper, the newest {@value #DEFAULT_KEEP} receipts kept. */
    public PngReceiptPrinter(Path directory) {
        this(directory, ReceiptLayout.PAPER_80MM, DEFAULT_KEEP);
    }

    /**
     * @param directory where receipts go, such as {@code <dataDir>/receipts}; made owner-only if missing
     * @param paperWidth in dots, as for {@link ReceiptLayout#of(ReceiptContent, int)}
     * @param keep how many receipt files stay, at least 1
     */
    public PngReceiptPrinter(Path directory, int paperWidth, int keep) {
        if (paperWidth < ReceiptLayout.MIN_WIDTH || paperWidth > ReceiptLayout.MAX_WIDTH) {
            throw new IllegalArgumentException("paper width is " + paperWidth + " dots; a receipt needs "
                    + ReceiptLayout.MIN_WIDTH + " to " + ReceiptLayout.MAX_WIDTH);
        }
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least the receipt just saved, not " + keep);
        }
        this.directory = directory;
        this.paperWidth = paperWidth;
        this.keep = keep;
    }

    /** Saves the receipt, replacing an earlier one for the same reference (a reprint), then prunes. */
    @Override
    public synchronized PrintResult print(ReceiptContent receipt) throws ReceiptException {
        return save(receipt.reference() + ".png", ReceiptLayout.of(receipt, paperWidth), RECEIPT_FILE);
    }

    /** Saves the ticket as {@code ticket-A-017.png}, replacing an earlier ticket with that number. */
    @Override
    public synchronized PrintResult printTicket(TicketContent ticket) throws ReceiptException {
        return save("ticket-" + slug(ticket.ticket()) + ".png", ReceiptLayout.of(ticket, paperWidth), TICKET_FILE);
    }

    /** Saves the report as {@code report-end-of-day-cash.png}, named after its title. */
    @Override
    public synchronized PrintResult printReport(ReportContent report) throws ReceiptException {
        return save("report-" + slug(report.title()) + ".png", ReceiptLayout.of(report, paperWidth), REPORT_FILE);
    }

    /**
     * {@link PrinterState#OK} while the directory (or, before the first print, the nearest folder above it
     * that exists) is writable; {@link PrinterState#ERROR} otherwise, since printing would fail.
     */
    @Override
    public PrinterState state() {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isDirectory(existing) && Files.isWritable(existing)
                ? PrinterState.OK
                : PrinterState.ERROR;
    }

    private PrintResult save(String name, ReceiptLayout layout, Pattern kind) throws ReceiptException {
        Path file = directory.resolve(name);
        byte[] png;
        try {
            png = ReceiptRenderer.png(ReceiptRenderer.render(layout));
        } catch (IOException e) {
            throw new ReceiptException("Could not make the image " + name + ": " + e, e);
        }
        try {
            createDirectory();
            AtomicFiles.write(file, png, AtomicFiles.OWNER_ONLY);
        } catch (IOException e) {
            throw new ReceiptException("Could not save the image " + file + ": " + e, e);
        }
        prune(name, kind);
        return new PrintResult.Saved(file);
    }

    /** Letters and digits kept, anything else one dash, at most 40 characters: a safe, readable file name. */
    static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.substring(0, Math.min(slug.length(), 40)).replaceAll("-+$", "");
        return slug.isEmpty() ? "untitled" : slug;
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null
                && parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Deletes the oldest files of the same kind beyond {@code keep}, by modification time. The file just
     * written always stays, even if the clock was set back since older ones were saved. A file that cannot be
     * deleted is logged and left: the citizen's copy is already saved, and the next print tries again.
     */
    private void prune(String written, Pattern kind) {
        List<Aged> others;
        try (Stream<Path> files = Files.list(directory)) {
            others = files.filter(p -> !p.getFileName().toString().equals(written))
                    .filter(p -> kind.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .map(p -> new Aged(p, modified(p)))
                    .sorted(Comparator.comparing(Aged::modified, Comparator.reverseOrder())
                            .thenComparing(a -> a.file().getFileName().toString(), Comparator.reverseOrder()))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not list old receipts in {} to prune them: {}", directory, e.toString());
            return;
        }
        for (Aged old : others.subList(Math.min(keep - 1, others.size()), others.size())) {
            try {
                Files.deleteIfExists(old.file());
            } catch (IOException e) {
                LOG.warn("Could not delete the old receipt {}: {}", old.file(), e.toString());
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            return FileTime.fromMillis(0); // deleted meanwhile: first in line, and deleting it again is harmless
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Aged(Path file, FileTime modified) {}
}
